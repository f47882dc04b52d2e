// DEV SHIM ONLY: `node --conditions=@nhip/source apps/ioc-web/dev/serve.ts` serves the built
// dashboard and the projection API on PROJECTION_PORT from the KPI service, for npm start until
// apps/projection is merged (then npm start runs projection there instead).
import { startShim } from './projection-shim.ts';

const env = process.env;
const local = (name: string, port: string) => `http://127.0.0.1:${env[`${name}_PORT`] ?? port}`;

await startShim({
  port: Number(env['PROJECTION_PORT'] ?? 3105),
  kpi: env['KPI_URL'] ?? local('KPI', '3104'),
  registry: env['REGISTRY_URL'] ?? local('REGISTRY', '3101'),
  brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:29092').split(','),
  topicPrefix: env['NHIP_TOPIC_PREFIX'] ?? '',
});
