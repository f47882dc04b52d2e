// Every service's Dockerfile linted (dockerfile-utils, every optional rule an error) and held to the
// image policy of docs/adr/0032; and what its image installs is all its shipped code imports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../infra/config.ts';
import { serviceNodeEnv, serviceNodeFlags } from '@nhip/telemetry/node-flags';
import { dockerfileOf, imageSpecs } from './dockerfile.ts';
import { lint, policyFindings } from './dockerfile-policy.ts';
import { undeclaredImports } from './undeclared.ts';
import { closureOf, workspacePackages } from './workspace.ts';

const nodeVersion = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'node', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const dockerfiles = fs
  .readdirSync(path.join(repoRoot, 'apps'))
  .filter((s) => fs.existsSync(path.join(repoRoot, 'apps', s, 'Dockerfile')));
const built = dockerfiles.filter((s) => fs.existsSync(path.join(repoRoot, 'apps', s, 'package.json')));

/** The port a service listens on unless told otherwise, from its config reader. */
function defaultPort(service: string): number | undefined {
  const config = path.join(repoRoot, 'apps', service, 'src', 'config.ts');
  if (!fs.existsSync(config)) return undefined;
  const found = /positiveInteger\(env, '[A-Z]+_PORT', (\d+)/.exec(fs.readFileSync(config, 'utf8'));
  return found ? Number(found[1]) : undefined;
}

const read = (service: string) => fs.readFileSync(path.join(repoRoot, 'apps', service, 'Dockerfile'), 'utf8');

describe('service Dockerfiles', () => {
  it('every service under apps/ has one, the five of the platform at least', () => {
    expect(dockerfiles).toEqual(
      expect.arrayContaining(['registry', 'activity', 'training', 'kpi', 'projection']),
    );
  });

  it.each(dockerfiles)('%s: the linter finds nothing', (service) => {
    expect(lint(read(service))).toEqual([]);
  });

  it.each(dockerfiles)('%s: multi-stage, pinned Node, its own build and port, not root', (service) => {
    expect(policyFindings(read(service), { service, nodeVersion, port: defaultPort(service) })).toEqual([]);
  });

  it.each(imageSpecs.map((spec) => [spec.service, spec] as const))(
    '%s: is what the template writes (npm run dockerfiles), the services’ Node flags in its CMD',
    (service, spec) => {
      expect(read(service)).toBe(dockerfileOf(spec));
      expect(read(service)).toContain(
        `CMD ["node", ${serviceNodeFlags.map((f) => `"${f}"`).join(', ')}, "apps/`,
      );
      for (const [name, value] of Object.entries(serviceNodeEnv))
        expect(read(service)).toContain(`${name}=${value}`);
    },
  );

  it('the template covers every service that has a Dockerfile', () => {
    expect(imageSpecs.map((s) => s.service).sort()).toEqual([...dockerfiles].sort());
  });

  it('the linter and the policy both fire on a bad Dockerfile', () => {
    const bad = 'from node:latest\nMAINTAINER someone\nCMD ["node", "main.js"]\nCMD [\'node\']\n';
    expect(lint(bad).length).toBeGreaterThanOrEqual(3);
    const findings = policyFindings(bad, { service: 'activity', nodeVersion, port: 3102 });
    expect(findings).toEqual(
      expect.arrayContaining([
        'One stage only: build in one stage, ship from another.',
        'The last stage runs as root.',
        'CMD does not start apps/activity/dist-bundle/main.mjs.',
      ]),
    );
  });
});

describe('what an image installs', () => {
  it.each(built)('%s: only workspace libraries, never test helpers or another service', (service) => {
    const { libraries } = closureOf(service);
    expect(libraries.map((l) => l.dir).every((d) => d.startsWith('libs/'))).toBe(true);
    expect(libraries.map((l) => l.name)).not.toContain('@nhip/testing');
  });

  it.each(built)('%s: every package its shipped code imports is declared, its libraries’ too', (service) => {
    const { service: own, libraries } = closureOf(service);
    const undeclared = Object.fromEntries(
      [own, ...libraries].flatMap((pkg) =>
        [...undeclaredImports(pkg)].map(([name, files]) => [`${pkg.name} → ${name}`, files]),
      ),
    );
    expect(undeclared).toEqual({});
  });

  it('the import scan finds an undeclared package', () => {
    const auth = workspacePackages().get('@nhip/auth');
    if (!auth) throw new Error('libs/auth is missing');
    const stripped = { ...auth, dependencies: {} };
    expect([...undeclaredImports(stripped).keys()]).toEqual(expect.arrayContaining(['@nhip/contracts']));
  });
});
