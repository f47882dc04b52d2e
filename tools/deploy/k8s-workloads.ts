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

/** The findings whose condition failed. */
const failed = (rules: readonly (readonly [boolean, string])[]): string[] =>
  rules.filter(([holds]) => !holds).map(([, finding]) => finding);

function probeFinding(
  container: Container,
  probe: 'livenessProbe' | 'readinessProbe',
  path: string,
  port: number,
) {
  const named = container.ports?.find((p) => p.containerPort === port)?.name;
  const get = container[probe]?.httpGet ?? {};
  const holds = named !== undefined && get.path === path && (get.port === named || get.port === port);
  return [holds, `${probe} is not GET ${path} on a named container port ${port}`] as const;
}

function resourceFindings(container: Container): string[] {
  const rules = (['requests', 'limits'] as const).flatMap((kind) =>
    ['cpu', 'memory'].map((resource) => {
      const amounts = container.resources?.[kind] ?? {};
      return [Boolean(amounts[resource]), `no ${resource} ${kind}`] as const;
    }),
  );
  return failed(rules);
}

function containerFindings(container: Container, expected: ServiceExpectations): string[] {
  return [
    ...failed([
      probeFinding(container, 'livenessProbe', '/health/live', expected.port),
      probeFinding(container, 'readinessProbe', '/health/ready', expected.port),
      [container.securityContext?.allowPrivilegeEscalation === false, 'privilege escalation allowed'],
      [
        expected.image === undefined || container.image === expected.image,
        `image is not ${expected.image ?? ''}`,
      ],
    ]),
    ...resourceFindings(container),
  ];
}

interface Objects {
  readonly deployment: Workload;
  readonly service: Workload;
  readonly budget: Workload;
}

function podFindings(deployment: Workload): string[] {
  const pod = deployment.spec.template;
  return failed([
    [pod?.spec?.securityContext?.runAsNonRoot === true, 'pods may run as root'],
    [(deployment.spec.replicas ?? 1) >= 2, 'fewer than two replicas'],
    [
      selects(deployment.spec.selector?.matchLabels, pod?.metadata?.labels),
      'the Deployment does not select its pods',
    ],
  ]);
}

function selectionFindings({ deployment, service, budget }: Objects, port: number): string[] {
  const labels = deployment.spec.template?.metadata?.labels;
  const replicas = deployment.spec.replicas ?? 1;
  return failed([
    [selects(service.spec.selector, labels), 'the Service does not select the pods'],
    [service.spec.ports?.[0]?.port === port, `the Service is not on port ${port}`],
    [selects(budget.spec.selector?.matchLabels, labels), 'the budget does not select the pods'],
    [(budget.spec.minAvailable ?? 0) < replicas, 'the budget leaves no pod to evict'],
  ]);
}

export function workloadFindings(manifests: readonly Manifest[], expected: ServiceExpectations): string[] {
  const find = (kind: string) =>
    manifests.find((m) => m.kind === kind && m.metadata.name === expected.service) as Workload | undefined;
  const [deployment, service, budget] = [find('Deployment'), find('Service'), find('PodDisruptionBudget')];
  if (!deployment || !service || !budget)
    return ['a Deployment, a Service and a PodDisruptionBudget are needed'];
  const containers = deployment.spec.template?.spec?.containers ?? [];
  const container = containers.find((c) => c.name === expected.service);
  if (!container) return [`no container named ${expected.service}`];
  return [
    ...containerFindings(container, expected),
    ...podFindings(deployment),
    ...selectionFindings({ deployment, service, budget }, expected.port),
  ].map((f) => `${expected.service}: ${f}`);
}
