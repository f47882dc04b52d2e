// npm start / npm run stop / npm run infra -- status
import { redactUrl } from '@nhip/postgres';
import { ensureInfra, infraStatus, stopInfra } from './infra.ts';
import { describeFailure, InfraError } from './infra-error.ts';
import { log } from './progress.ts';
import { platformServices } from '../platform/services.ts';
import { serviceStatus } from '../platform/supervision.ts';

const usage = 'usage: node tools/infra/cli.ts up [--banner] | down | status';

async function main(args: string[]): Promise<void> {
  const [command = 'up', ...flags] = args;
  switch (command) {
    case 'up': {
      log('Nhịp: bringing up local infrastructure');
      const infra = await ensureInfra();
      const origin = (startedNow: boolean, external: boolean): string =>
        external ? 'external' : startedNow ? 'started' : 'already running, reused';
      log('');
      log(
        `  Kafka ${infra.kafka.version.padEnd(8)} ${infra.kafka.brokers.padEnd(28)} (${origin(infra.kafka.startedNow, infra.kafka.external)})`,
      );
      log(
        `  PostgreSQL ${infra.postgres.version.padEnd(4)} ${redactUrl(infra.postgres.adminUrl).padEnd(28)} (${origin(infra.postgres.startedNow, infra.postgres.external)})`,
      );
      log(
        `  Issuer     ${infra.issuer.url.padEnd(28)}      (${origin(infra.issuer.startedNow, infra.issuer.external)})`,
      );
      if (flags.includes('--banner')) {
        log('');
        log('  Logs:    .infra/logs/');
        log('  Stop:    npm run stop');
        log('  Status:  npm run infra -- status');
      }
      return;
    }
    case 'down': {
      const stopped = await stopInfra();
      log(
        `Kafka: ${stopped.kafka ? 'stopped' : 'was not running'}; PostgreSQL: ${stopped.postgres ? 'stopped' : 'was not running'}; issuer: ${stopped.issuer ? 'stopped' : 'was not running'}`,
      );
      return;
    }
    case 'status': {
      // The services as their supervisors last recorded them: up since, restarts, last exit.
      const services = Object.fromEntries(platformServices().map((s) => [s.name, serviceStatus(s.name)]));
      process.stdout.write(`${JSON.stringify({ ...infraStatus(), services }, null, 2)}\n`);
      return;
    }
    default:
      throw new InfraError(`Unknown command "${command}": ${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(`\n${describeFailure(error)}`);
  process.exit(1);
});
