// npm start's last part: the dashboard, built by Vite into apps/ioc-web/dist, which the projection
// (already running on PROJECTION_PORT) serves with its API as soon as it is there; the live province
// simulator under its own supervisor like the services; then the links to open, signed in.
import path from 'node:path';
import { devToken, personas, type Persona } from '@nhip/dev-issuer';
import { repoRoot } from '../infra/config.ts';
import { InfraError } from '../infra/infra-error.ts';
import { run } from '../infra/proc.ts';
import { log, withStep } from '../infra/progress.ts';
import { ensureService, platformServices, serviceUrl, type ServiceDefinition } from './services.ts';

const fromSource = { NODE_OPTIONS: '--conditions=@nhip/source --disable-warning=ExperimentalWarning' };

/** What the dashboard adds to the platform's services: the simulator (the projection serves the page). */
export function dashboardServices(): ServiceDefinition[] {
  const simulatorPort = Number(process.env['SIMULATOR_PORT'] ?? 3109);
  return [
    {
      name: 'simulator',
      entry: path.join(repoRoot, 'tools', 'platform', 'simulator', 'simulate.ts'),
      port: simulatorPort,
      env: {
        ...fromSource,
        SIMULATOR_PORT: String(simulatorPort),
        SIM_RATE: process.env['SIM_RATE'] ?? '30',
      },
    },
  ];
}

export async function startDashboard(env: Record<string, string>): Promise<void> {
  await withStep('Building the dashboard (Vite, apps/ioc-web/dist)', async () => {
    const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: path.join(repoRoot, 'apps', 'ioc-web'),
    });
    if (built.code !== 0) throw new InfraError(`The dashboard's build failed:\n${built.output}`);
  });
  for (const service of dashboardServices()) {
    await withStep(
      `Starting the ${service.name} on ${serviceUrl(service)}`,
      () => ensureService(service, env),
      (started) => (started ? 'started' : 'already running, reused'),
    );
  }
}

export async function printDashboardLinks(): Promise<void> {
  const dashboard = platformServices().find((s) => s.name === 'projection');
  const [simulator] = dashboardServices();
  if (!dashboard || !simulator) return;
  const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
  const link = async (persona: Persona, query: string) =>
    `${serviceUrl(dashboard)}/?${query}#token=${await devToken(persona)}`;
  log('  Dashboard (signed in by the link, 8 hours):');
  log(`    Province IOC, Tỉnh Đắk Lắk:        ${await link(personas.provinceIoc, `unit=66&period=${year}`)}`);
  log(
    `    District OC, TP. Buôn Ma Thuột (2024 tree, now its communes): ${await link(personas.districtOc, `unit=643&period=${year}`)}`,
  );
  log(
    `    Commune officer, Xã Hòa Phú:       ${await link(personas.communeOfficer, `unit=24175&period=${year}`)}`,
  );
  log(
    `  Simulator: Đắk Lắk's 2025 communes, their teams, targets and statistics, ${simulator.env['SIM_RATE']} reports/s at the busiest hours (SIM_RATE); status ${serviceUrl(simulator)}`,
  );
}
