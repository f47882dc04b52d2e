// `npm run monitoring`: Prometheus scraping the services `npm start` runs, with the platform's alert
// rules, on 127.0.0.1:9090 (NHIP_PROMETHEUS_PORT); `npm run monitoring -- down` stops it.
import { platformServices } from '../platform/services.ts';
import { describeFailure } from '../infra/infra-error.ts';
import { log } from '../infra/progress.ts';
import { ensurePrometheusInstalled, monitoringDir, startPrometheus, stopPrometheus } from './prometheus.ts';

function main(): void {
  if (process.argv[2] === 'down') {
    log(stopPrometheus(monitoringDir) ? '  ✔ Prometheus stopped' : '  Prometheus was not running');
    return;
  }
  ensurePrometheusInstalled(log);
  stopPrometheus(monitoringDir);
  const port = Number(process.env['NHIP_PROMETHEUS_PORT'] ?? 9090);
  const targets = platformServices().map((s) => ({ job: s.name, address: `127.0.0.1:${s.port}` }));
  const run = startPrometheus(monitoringDir, port, targets, '15s');
  log(
    `  ✔ Prometheus ${run.url}   scraping ${targets.map((t) => t.job).join(', ')}; alerts: ${run.url}/alerts`,
  );
  log(`    config ${run.configFile}; dashboards for Grafana in deploy/grafana/ (provisioning included)`);
}

try {
  main();
} catch (error) {
  log(`✖ ${describeFailure(error)}`);
  process.exitCode = 1;
}
