// What every service's Kubernetes objects must say (docs/adr/0032), as sentences for the findings
// the spec lists: probes, resources, non-root, replicas, and a Service and PodDisruptionBudget
// selecting its pods.
import type { Manifest } from './k8s.ts';

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean };
}
export interface Workload extends Manifest {
  spec: {
    replicas?: number;
    minReplicas?: number;
    maxReplicas?: number;
    minAvailable?: number;
    scaleTargetRef?: { name: string };
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    ports?: { targetPort?: string | number; port: number }[];
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
    };
  };
}

export interface ServiceExpectations {
  readonly service: string;
  readonly port: number;
  /** The image the overlay must name, when the service's version is known. */
  readonly image?: string;
}

const selects = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string> = {},
): boolean =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function probeFindings(container: Container, port: number): string[] {
  const named = container.ports?.find((p) => p.containerPort === port)?.name;
  const findings: string[] = [];
  if (!named) findings.push(`no container port ${port} with a name`);
  for (const [probe, path] of [
    ['livenessProbe', '/health/live'],
    ['readinessProbe', '/health/ready'],
  ] as const) {
    const get = container[probe]?.httpGet;
    if (get?.path !== path || (get.port !== named && get.port !== port))
      findings.push(`${probe} is not GET ${path} on port ${port}`);
  }
  return findings;
}

function containerFindings(container: Container, expected: ServiceExpectations): string[] {
  const findings = probeFindings(container, expected.port);
  for (const kind of ['requests', 'limits'] as const)
    for (const resource of ['cpu', 'memory'])
      if (!container.resources?.[kind]?.[resource]) findings.push(`no ${resource} ${kind}`);
  if (container.securityContext?.allowPrivilegeEscalation !== false)
    findings.push('privilege escalation allowed');
  if (expected.image && container.image !== expected.image)
    findings.push(`image ${container.image ?? 'none'}, not ${expected.image}`);
  return findings;
}

export function workloadFindings(manifests: readonly Manifest[], expected: ServiceExpectations): string[] {
  const find = (kind: string) =>
    manifests.find((m) => m.kind === kind && m.metadata.name === expected.service) as Workload | undefined;
  const [deployment, service, budget] = [find('Deployment'), find('Service'), find('PodDisruptionBudget')];
  if (!deployment || !service || !budget)
    return ['a Deployment, a Service and a PodDisruptionBudget are needed'];
  const pod = deployment.spec.template;
  const container = pod?.spec?.containers.find((c) => c.name === expected.service);
  if (!container) return [`no container named ${expected.service}`];
  const findings = containerFindings(container, expected);
  const labels = pod?.metadata?.labels;
  if (pod?.spec?.securityContext?.runAsNonRoot !== true) findings.push('pods may run as root');
  if ((deployment.spec.replicas ?? 1) < 2) findings.push('fewer than two replicas');
  if (!selects(deployment.spec.selector?.matchLabels, labels))
    findings.push('the Deployment does not select its pods');
  if (!selects(service.spec.selector, labels)) findings.push('the Service does not select the pods');
  if (service.spec.ports?.[0]?.port !== expected.port)
    findings.push(`the Service is not on port ${expected.port}`);
  if (!selects(budget.spec.selector?.matchLabels, labels))
    findings.push('the budget does not select the pods');
  if ((budget.spec.minAvailable ?? 0) >= (deployment.spec.replicas ?? 1))
    findings.push('the budget leaves no pod to evict');
  return findings.map((f) => `${expected.service}: ${f}`);
}
