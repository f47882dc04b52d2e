// The operations the access walk calls: every path and method of a service's OpenAPI document, with
// who may call it (`x-roles`) and the statuses it says it answers.

export interface Operation {
  readonly service: 'registry' | 'activity' | 'training' | 'kpi' | 'projection';
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly roles: readonly string[];
  /** The statuses its OpenAPI document says it answers. */
  readonly documented: readonly string[];
  /** Whether a success it documents has a body described (ADR 0054): a client knows what it gets. */
  readonly describesSuccess: boolean;
}

type Documented = Record<
  string,
  Record<string, { 'x-roles'?: string[]; responses?: Record<string, { content?: object }> }>
>;

/** What this reads a service through: the test platform's client of it. */
interface DocumentReader {
  get(url: '/docs-json'): Promise<{ readonly body: unknown }>;
}

export async function operationsOf(
  service: Operation['service'],
  running: DocumentReader,
): Promise<Operation[]> {
  const document = (await running.get('/docs-json')).body as { paths: Documented };
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      service,
      method: method as Operation['method'],
      path: route,
      roles: op['x-roles'] ?? [],
      documented: Object.keys(op.responses ?? {}),
      describesSuccess: Object.entries(op.responses ?? {}).some(
        ([status, answer]) => status.startsWith('2') && answer.content !== undefined,
      ),
    })),
  );
}
