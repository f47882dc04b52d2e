// npm start / npm run stop: the infrastructure, the services and demo data, with progress.
import { publicEventCatalog } from '@nhip/contracts';
import { devToken, personas } from '@nhip/dev-issuer';
import { redactUrl } from '@nhip/postgres';
import { ensureInfra, infraEnv, stopInfra, stoppedLine } from '../infra/infra.ts';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { log, withStep } from '../infra/progress.ts';
import { BuildFailed, buildServices } from '../bundle/build-services.ts';
import { loadDemoActivities } from './demo-activities.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoTraining } from './demo-training.ts';
import { dashboardServices, printDashboardLinks, startDashboard } from './dashboard.ts';
import {
  ensureService,
  platformServices,
  serviceUrl,
  stopService,
  type ServiceDefinition,
} from './services.ts';

/** The registry line, at the port it really listens on. */
function logRegistryTry(registry: ServiceDefinition | undefined): void {
  if (!registry) return;
  const coverage = `${serviceUrl(registry)}/units/24175/coverage`;
  log(`  Try:     curl -H "Authorization: Bearer $TOKEN" ${coverage}   (Xã Hòa Phú: 15/15 villages covered)`);
}

/** The KPI line: the pilot province's indicators beside its communes', this year (UTC+7). */
function logKpiTry(kpi: ServiceDefinition | undefined): void {
  if (!kpi) return;
  const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
  log(
    `  KPI:     curl -H "Authorization: Bearer $TOKEN" '${serviceUrl(kpi)}/units/66/indicators?period=${year}'   (Đắk Lắk and its communes, live)`,
  );
}

/** The stream line: the province's live changes, as a dashboard receives them. */
function logStreamTry(projection: ServiceDefinition | undefined): void {
  if (!projection) return;
  log(
    `  Stream:  curl -N -H "Authorization: Bearer $TOKEN" '${serviceUrl(projection)}/api/stream?scope=66'   (snapshot, then each change)`,
  );
}

async function up(): Promise<void> {
  log('Nhịp: bringing up the platform');
  const infra = await ensureInfra();
  await withStep('Building the services (tsc -b, then one bundle each)', async () => {
    await buildServices().catch((error: unknown) => {
      throw error instanceof BuildFailed ? new InfraError(`The build failed: ${error.message}`) : error;
    });
  });
  const services = platformServices();
  for (const service of services) {
    await withStep(
      `Starting ${service.name} on ${serviceUrl(service)}`,
      () => ensureService(service, infraEnv(infra)),
      (started) => (started ? 'started' : 'already running, reused'),
    );
  }
  const registry = services.find((s) => s.name === 'registry');
  const activity = services.find((s) => s.name === 'activity');
  const demo = registry ? await loadDemoData(serviceUrl(registry)) : undefined;
  if (registry && activity) await loadDemoActivities(serviceUrl(registry), serviceUrl(activity));
  await loadDemoTraining(services);
  await startDashboard(infraEnv(infra));
  log('');
  log(`  Kafka ${infra.kafka.version}        ${infra.kafka.brokers}`);
  log(`  PostgreSQL ${infra.postgres.version}   ${redactUrl(infra.postgres.adminUrl)}`);
  for (const service of services)
    log(`  ${service.name.padEnd(16)} ${serviceUrl(service)}   API docs: ${serviceUrl(service)}/docs`);
  log('');
  await printSignIns(infra.issuer.url);
  logRegistryTry(registry);
  logKpiTry(services.find((s) => s.name === 'kpi'));
  logStreamTry(services.find((s) => s.name === 'projection'));
  await printDashboardLinks();
  log(`  Data:    ${demo?.source ?? 'none'}`);
  // From the contracts, so a topic added there is listed here (the KPI's was missing).
  const topics = [...new Set(publicEventCatalog.map((event) => event.topic))];
  log(`  Events:  ${topics.join(', ')} (libs/contracts/asyncapi.json)`);
  log(
    `  Logs:    ${services.map((s) => `.infra/logs/${s.name}.log`).join(', ')}   (JSON lines; LOG_LEVEL=debug for more)`,
  );
  log(
    '  Status:  npm run infra -- status   (each service is restarted when it exits; .infra/logs/<service>.supervisor.log)',
  );
  log('           npm run dead-letters   (messages a consumer set aside, and why: docs/adr/0066)');
  log('  Stop:    npm run stop');
}

/** Ready-made sign-ins (8 hours), one per role over the pilot: paste one into /docs' Authorize. */
async function printSignIns(issuerUrl: string): Promise<void> {
  log(`  Sign in: development issuer ${issuerUrl} (keys in .infra/auth; a deployment sets AUTH_ISSUER_URL)`);
  for (const persona of Object.values(personas)) {
    log(`    ${persona.title}:`);
    log(`      ${await devToken(persona)}`);
  }
  log('');
}

async function down(): Promise<void> {
  for (const service of [...dashboardServices(), ...platformServices()]) {
    log(`${service.name}: ${(await stopService(service)) ? 'stopped' : 'was not running'}`);
  }
  const stopped = await stopInfra();
  log(stoppedLine(stopped));
}

const command = process.argv[2] ?? 'up';
(command === 'down'
  ? down()
  : command === 'up'
    ? up()
    : Promise.reject(new InfraError(`Unknown command "${command}": up | down`))
).catch((error: unknown) => {
  log(`\n${describeFailure(error)}`);
  process.exit(1);
});
