// deploy/k8s rendered by kustomize (base and the production overlay) and every object checked against
// the Kubernetes API schemas; then what the manifests promise: each service with probes on
// /health/live and /health/ready, resources, non-root, two replicas at least, a Service and a
// PodDisruptionBudget that select it, autoscaling for the edges, topics as the services ask for them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../infra/config.ts';
import { ofKind, render, schemaErrors, type Manifest } from './k8s.ts';
import { deadLetterTopicsRead, topicsAskedFor } from './topics.ts';
import { workloadFindings, type Workload } from './k8s-workloads.ts';

const base = render('deploy/k8s/base');
const production = render('deploy/k8s/overlays/production');
const services = fs
  .readdirSync(path.join(repoRoot, 'apps'))
  .filter((s) => fs.existsSync(path.join(repoRoot, 'apps', s, 'Dockerfile')));
const versionOf = (service: string): string | undefined => {
  const file = path.join(repoRoot, 'apps', service, 'package.json');
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
};
const exposed = (service: string): number =>
  Number(
    /^EXPOSE (\d+)$/m.exec(fs.readFileSync(path.join(repoRoot, 'apps', service, 'Dockerfile'), 'utf8'))?.[1],
  );

describe('deploy/k8s against the Kubernetes API schemas', () => {
  it.each([
    ['base', base],
    ['production', production],
  ])('%s: every object is valid', (_, manifests) => {
    expect(manifests.length).toBeGreaterThan(20);
    const errors = Object.fromEntries(
      manifests.map((m) => [`${m.kind}/${m.metadata.name}`, schemaErrors(m)]),
    );
    expect(Object.entries(errors).filter(([, e]) => e.length > 0)).toEqual([]);
  });

  it('the checks refuse a broken Deployment and a broken KafkaTopic', () => {
    const deployment = production.find((m) => m.kind === 'Deployment') as Manifest;
    const broken = structuredClone(deployment) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(schemaErrors(broken as unknown as Manifest)).not.toEqual([]);
    const topic = structuredClone(ofKind(production, 'KafkaTopic')[0]) as Manifest;
    topic.spec = { partitions: 0, replicas: 3, partitons: 3 };
    expect(schemaErrors(topic).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the production overlay', () => {
  it('puts everything in the nhip namespace', () => {
    expect(new Set(production.map((m) => m.metadata.namespace))).toEqual(new Set(['nhip']));
  });

  it.each(services)('%s: Deployment, Service and PodDisruptionBudget as promised', (service) => {
    const version = versionOf(service);
    const expected = {
      service,
      port: exposed(service),
      image: version === undefined ? undefined : `registry.example.vn/nhip/${service}:${version}`,
    };
    expect(workloadFindings(production, expected)).toEqual([]);
  });

  it('autoscales the stateless edges, activity and projection, from two replicas up', () => {
    const hpas = ofKind<Workload>(production, 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef?.name).sort()).toEqual(['activity', 'projection']);
    for (const hpa of hpas) {
      expect(ofKind(production, 'Deployment').map((d) => d.metadata.name)).toContain(
        hpa.spec.scaleTargetRef?.name,
      );
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas ?? 0);
    }
  });

  it('has a dead-letter KafkaTopic, kept 30 days, for every topic a consumer reads', () => {
    const needed = deadLetterTopicsRead();
    expect(needed).toContain('public.registry.unit.v1.dlt');
    const topics = new Map(ofKind(production, 'KafkaTopic').map((t) => [t.metadata.name, t.spec]));
    for (const topic of needed)
      expect({ topic, spec: topics.get(topic) }).toMatchObject({
        topic,
        spec: { partitions: 1, config: { 'retention.ms': 2_592_000_000 } },
      });
    const declared = [...topics.keys()].filter((name) => name.endsWith('.dlt'));
    expect(declared.sort()).toEqual(needed);
  });

  it('has a KafkaTopic for every topic a service asks for, with the partitions it asks for', () => {
    const asked = services.flatMap((s) => topicsAskedFor(s));
    expect(asked.length).toBeGreaterThan(10);
    const topics = new Map(ofKind(production, 'KafkaTopic').map((t) => [t.metadata.name, t.spec]));
    for (const { topic, partitions, service } of asked)
      expect({ topic, service, partitions: topics.get(topic)?.['partitions'] }).toEqual({
        topic,
        service,
        partitions,
      });
  });

  it('keeps three copies of every topic and acknowledges writes on two', () => {
    for (const topic of ofKind(production, 'KafkaTopic')) {
      expect(topic.spec?.['replicas']).toBe(3);
      expect((topic.spec?.['config'] as Record<string, unknown>)['min.insync.replicas']).toBe(2);
    }
  });
});
