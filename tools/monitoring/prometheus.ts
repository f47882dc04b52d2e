// Prometheus on this machine: Debian's `prometheus` package (installed with apt-get when missing),
// a configuration scraping the given services, promtool's checks, and the server itself under
// .infra/prometheus. What `npm run monitoring` and the monitoring spec share.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, repoRoot } from '../infra/config.ts';
import { InfraError } from '../infra/infra-error.ts';
import { rulesFile } from './generated.ts';
import { prometheusYaml, type ScrapeTarget } from './prometheus-files.ts';

const onPath = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

/** Installs Debian's prometheus package (it brings promtool) unless both are on the PATH. */
export function ensurePrometheusInstalled(log: (line: string) => void): void {
  if (onPath('prometheus') && onPath('promtool')) return;
  log("Prometheus is missing: installing Debian's prometheus package (with promtool) with apt-get");
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    throw new InfraError(
      'Prometheus is not installed: run `apt-get install prometheus` (Debian/Ubuntu), or install it and put prometheus and promtool on the PATH.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'prometheus']]) {
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (result.status !== 0) throw new InfraError(`apt-get ${args.join(' ')} failed:\n${result.stderr}`);
  }
}

/** Runs promtool; returns its output, or throws with it when the check fails. */
export function promtool(...args: string[]): string {
  const result = spawnSync('promtool', args, { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
  return output;
}

export interface PrometheusRun {
  readonly url: string;
  readonly configFile: string;
  readonly pid: number;
}

/** Writes the configuration into `dir`, checks it and the rules with promtool, and starts the server. */
export function startPrometheus(
  dir: string,
  port: number,
  targets: readonly ScrapeTarget[],
  interval?: string,
): PrometheusRun {
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(configFile, prometheusYaml(targets, path.join(repoRoot, rulesFile), interval));
  promtool('check', 'config', configFile);
  const log = fs.openSync(path.join(dir, 'prometheus.log'), 'a');
  const child = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new InfraError('Could not start prometheus.');
  fs.writeFileSync(path.join(dir, 'prometheus.pid'), String(child.pid));
  return { url: `http://127.0.0.1:${port}`, configFile, pid: child.pid };
}

export const monitoringDir = path.join(infraDir, 'prometheus');

/** Stops the server started in `dir`, if any; returns whether one was running. */
export function stopPrometheus(dir: string): boolean {
  const pidFile = path.join(dir, 'prometheus.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  fs.rmSync(pidFile);
  try {
    process.kill(pid, 'SIGTERM');
    return true;
  } catch {
    return false;
  }
}

/** Answers a PromQL instant query: the result's series. */
export async function query(
  url: string,
  promql: string,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { status: string; error?: string; data?: { result: [] } };
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error ?? response.status}`);
  return body.data?.result ?? [];
}
