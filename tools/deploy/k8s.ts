// The Kubernetes manifests under deploy/k8s as a cluster would receive them (docs/adr/0032):
// rendered by kustomize (`kubectl kustomize`, kustomize v5 built into kubectl), each object checked
// against the Kubernetes API schemas of the kubernetes-models package, and Strimzi's KafkaTopic,
// which that package does not model, against the fields of Strimzi's v1beta2 CRD we use.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../infra/config.ts';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

/** `kubectl kustomize <dir>`, parsed; throws with kustomize's own words when it refuses. */
export function render(dir: string): Manifest[] {
  const run = spawnSync('kubectl', ['kustomize', path.join(repoRoot, dir)], { encoding: 'utf8' });
  if (run.error)
    throw new Error(`kubectl (with its built-in kustomize) is needed to render ${dir}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`kustomize refused ${dir}: ${run.stderr}`);
  return parseAllDocuments(run.stdout).map((d) => d.toJS() as Manifest);
}

const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** Strimzi 0.4x `KafkaTopic` (kafka.strimzi.io/v1beta2): the CRD's constraints on what we set. */
const kafkaTopicSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    metadata: {
      type: 'object',
      required: ['name', 'labels'],
      properties: {
        // A DNS subdomain, as every object name; Strimzi uses it as the topic name.
        name: { type: 'string', maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' },
        labels: { type: 'object', required: ['strimzi.io/cluster'] },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['partitions', 'replicas'],
      properties: {
        topicName: { type: 'string' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
  },
};
const validateTopic = new Ajv({ allErrors: true }).compile(kafkaTopicSchema);

/** Why the API server would refuse this object, or an empty list. */
export function schemaErrors(manifest: Manifest): string[] {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  if (key === 'kafka.strimzi.io/v1beta2/KafkaTopic') {
    if (validateTopic(manifest)) return [];
    return (validateTopic.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? 'invalid'}`);
  }
  const Model = models[key];
  if (!Model) return [`${key} is not a kind these manifests are checked for`];
  try {
    new Model(manifest as never).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

export const ofKind = <T = Manifest>(manifests: readonly Manifest[], kind: string): T[] =>
  manifests.filter((m) => m.kind === kind) as T[];
