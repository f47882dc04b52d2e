// docker-compose.yml runs the whole platform (profile `platform`): checked without a Docker engine
// against the Compose specification's schema and against the repository itself: every service with
// a Dockerfile, tagged with its own version, on its own port, reaching the broker, the database and
// the collector by their compose names; every mounted file present (docs/adr/0032).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { repoRoot } from '../infra/config.ts';
import { bindSources, dependsOn, interpolate, readCompose, schemaErrors } from './compose.ts';

const env = { AUTH_ISSUER_URL: 'https://id.example.vn/realms/nhip' };
const compose = readCompose(env);
const services = fs
  .readdirSync(path.join(repoRoot, 'apps'))
  .filter((s) => fs.existsSync(path.join(repoRoot, 'apps', s, 'Dockerfile')));

const versionOf = (service: string): string | undefined => {
  const file = path.join(repoRoot, 'apps', service, 'package.json');
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
};
const composed = (name: string) => {
  const entry = compose.services[name];
  if (!entry) throw new Error(`docker-compose.yml has no service ${name}`);
  return entry;
};
const exposed = (service: string): string =>
  /^EXPOSE (\d+)$/m.exec(fs.readFileSync(path.join(repoRoot, 'apps', service, 'Dockerfile'), 'utf8'))?.[1] ??
  '';

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the specification’s schema', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it('the schema check fails a broken file', () => {
    const broken = { services: { activity: { image: 3102, ports: '3102', restart: 'always', bogus: 1 } } };
    expect(schemaErrors(broken).length).toBeGreaterThanOrEqual(3);
  });

  it('interpolates like Compose: defaults, required variables, values', () => {
    expect(interpolate('${A:-x}/${B}', { B: 'b' })).toBe('x/b');
    expect(() => interpolate('${A:?set A}', {})).toThrow('A: set A');
  });

  it('runs the platform beside the infrastructure: collector, Prometheus, Grafana', () => {
    for (const name of ['kafka', 'postgres', 'otel-collector', 'prometheus', 'grafana', ...services])
      expect(Object.keys(compose.services)).toContain(name);
  });

  it.each(services)('%s: its own Dockerfile, tagged with its own version, on its own port', (service) => {
    const entry = composed(service);
    const port = exposed(service);
    expect({ dockerfile: entry.build?.dockerfile, ports: entry.ports, profiles: entry.profiles }).toEqual({
      dockerfile: `apps/${service}/Dockerfile`,
      ports: [`127.0.0.1:${port}:${port}`],
      profiles: ['platform'],
    });
    const version = versionOf(service);
    if (version === undefined) return; // a service whose package is not on this branch yet
    expect({ image: entry.image, version: entry.build?.args }).toEqual({
      image: `nhip/${service}:${version}`,
      version: { VERSION: version },
    });
  });

  it.each(services)('%s: reaches the broker, the database and the collector by compose names', (service) => {
    const environment = composed(service).environment ?? {};
    const advertised = composed('kafka').environment ?? {};
    expect(advertised['KAFKA_ADVERTISED_LISTENERS']).toContain(`INTERNAL://${environment['KAFKA_BROKERS']}`);
    expect(new URL(environment['DATABASE_URL'] ?? '').host).toBe('postgres:5432');
    expect(environment['AUTH_ISSUER_URL']).toBe(env.AUTH_ISSUER_URL);
    expect(environment['OTEL_SERVICE_NAME']).toBe(service);
    expect(new URL(environment['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? '').host).toBe('otel-collector:4318');
    expect(dependsOn(composed(service))).toEqual(expect.arrayContaining(['kafka', 'postgres']));
  });

  it('depends only on services it defines, and mounts files that exist', () => {
    const names = Object.keys(compose.services);
    for (const service of Object.values(compose.services)) {
      for (const dependency of dependsOn(service)) expect(names).toContain(dependency);
      for (const source of bindSources(service))
        expect({ source, exists: fs.existsSync(path.join(repoRoot, source)) }).toEqual({
          source,
          exists: true,
        });
    }
  });

  it('gives Prometheus its configuration: every service scraped on its image’s port, with the rules', () => {
    const command = (composed('prometheus') as { command?: string[] }).command ?? [];
    expect(command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    expect(bindSources(composed('prometheus'))).toContain('deploy/prometheus');
    const config = parse(
      fs.readFileSync(path.join(repoRoot, 'deploy/prometheus/prometheus.yml'), 'utf8'),
    ) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const scraped = config.scrape_configs.map((c) => `${c.job_name} ${c.static_configs[0]?.targets[0]}`);
    expect(scraped.sort()).toEqual(services.map((s) => `${s} ${s}:${exposed(s)}`).sort());
    expect(config.rule_files).toEqual(['rules/*.yml']);
  });

  it('the collector’s pipelines use only what it defines, and listen where the services send', () => {
    const file = path.join(repoRoot, 'deploy', 'otel-collector', 'config.yaml');
    const config = parse(fs.readFileSync(file, 'utf8')) as {
      receivers: Record<string, { protocols: { http: { endpoint: string } } }>;
      processors: Record<string, unknown>;
      exporters: Record<string, unknown>;
      service: { pipelines: Record<string, Record<'receivers' | 'processors' | 'exporters', string[]>> };
    };
    for (const pipeline of Object.values(config.service.pipelines))
      for (const kind of ['receivers', 'processors', 'exporters'] as const)
        for (const name of pipeline[kind]) expect(Object.keys(config[kind])).toContain(name);
    expect(config.receivers['otlp']?.protocols.http.endpoint).toBe('0.0.0.0:4318');
  });
});
