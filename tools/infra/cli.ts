// npm start / npm run stop / npm run infra -- status
import { redactUrl } from '@nhip/postgres';
import { ensureInfra, infraStatus, stopInfra, stoppedLine, type Infra } from './infra.ts';
import { describeFailure, InfraError } from './infra-error.ts';
import { log } from './progress.ts';
import { platformServices } from '../platform/services.ts';
import { serviceStatus } from '../platform/supervision.ts';

const usage = 'usage: node tools/infra/cli.ts up [--banner] | down | status';

const origin = (server: { startedNow: boolean; external: boolean }): string =>
  server.external ? 'external' : server.startedNow ? 'started' : 'already running, reused';

function printServers(infra: Infra): void {
  log('');
  log(`  Kafka ${infra.kafka.version.padEnd(8)} ${infra.kafka.brokers.padEnd(28)} (${origin(infra.kafka)})`);
  log(
    `  PostgreSQL ${infra.postgres.version.padEnd(4)} ${redactUrl(infra.postgres.adminUrl).padEnd(28)} (${origin(infra.postgres)})`,
  );
  log(`  Issuer     ${infra.issuer.url.padEnd(28)}      (${origin(infra.issuer)})`);
}

async function main(args: string[]): Promise<void> {
  const [command = 'up', ...flags] = args;
  switch (command) {
    case 'up': {
      log('Nhịp: bringing up local infrastructure');
      printServers(await ensureInfra());
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
      log(stoppedLine(stopped));
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
