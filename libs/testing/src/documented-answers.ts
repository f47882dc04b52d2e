// Every answer a spec reads through a service's test client (startHttpService) is checked against
// the OpenAPI document of the service that gave it: a JSON answer or problem whose operation,
// status and media type the document describes with a schema must match that schema. What a
// generated client expects is then what the service sends, without a spec asking; a shape the code
// changes without its document fails the first spec that reads it. Paths the document does not
// list (/docs-json itself, /metrics) pass. A live stream's frames are checked one by one
// (`checkFrame`) by the specs' stream reader.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation {
  readonly responses?: Record<string, { readonly content?: Record<string, { readonly schema?: object }> }>;
}

interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: object;
}

interface Route {
  readonly pattern: RegExp;
  readonly methods: Record<string, Operation>;
}

/** Templates without parameters first: /api/units/search before /api/units/{code}. */
function routesOf(document: Document): Route[] {
  return Object.entries(document.paths)
    .map(([template, methods]) => ({
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      ),
      methods,
    }))
    .sort((a, b) => a.params - b.params);
}

// What does not match, each kind once: the same field wrong in every row of a list is one line
// (every index written as *), the first five kept.
function mismatches(errors: readonly ErrorObject[]): string {
  const lines = errors.map((e) => {
    const where = e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(the answer)';
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    return `${where}: ${e.message ?? e.keyword}${extra === undefined ? '' : ` “${extra}”`}`;
  });
  const distinct = [...new Set(lines)];
  const rest = distinct.length > 5 ? `; and ${distinct.length - 5} more` : '';
  return distinct.slice(0, 5).join('; ') + rest;
}

const schemaOf = (operation: Operation | undefined, status: string, mediaType: string) =>
  operation?.responses?.[status]?.content?.[mediaType]?.schema;

export interface AnswerRead {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

export class DocumentedAnswers {
  private routes: Promise<Route[]> | undefined;
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private components: object = {};

  private readonly readDocument: () => Promise<unknown>;

  constructor(readDocument: () => Promise<unknown>) {
    this.readDocument = readDocument;
    addFormats.default(this.ajv);
  }

  /** Throws, naming the operation and what does not match, when the answer breaks its schema. */
  async check(answer: AnswerRead): Promise<void> {
    if (typeof answer.body === 'string') return; // not JSON: an SSE stream, a CSV, a page
    const path = new URL(answer.url, 'http://service').pathname;
    const method = answer.method.toLowerCase();
    const route = (await this.documented()).find((r) => r.pattern.test(path) && r.methods[method]);
    if (!route) return;
    const mediaType = answer.contentType.split(';')[0]?.trim() ?? '';
    const validate = this.validator(route, method, String(answer.status), mediaType);
    if (!validate || validate(answer.body)) return;
    throw new Error(
      `${answer.method} ${answer.url} answered ${answer.status} ${mediaType} in a shape its OpenAPI ` +
        `document does not describe: ${mismatches(validate.errors ?? [])}`,
    );
  }

  /**
   * Throws when a Server-Sent Events frame's data breaks the schema its stream's document gives
   * that kind of frame (`x-frames` of the stream's 200 text/event-stream schema, ADR 0054).
   */
  async checkFrame(frame: {
    readonly url: string;
    readonly event: string;
    readonly data: string;
  }): Promise<void> {
    const path = new URL(frame.url, 'http://service').pathname;
    const route = (await this.documented()).find((r) => r.pattern.test(path) && r.methods['get']);
    if (!route) return;
    const validate = this.frameValidator(route, frame.event);
    if (!validate || validate(JSON.parse(frame.data))) return;
    throw new Error(
      `GET ${path} sent a frame “${frame.event}” in a shape its OpenAPI document does not describe: ` +
        mismatches(validate.errors ?? []),
    );
  }

  private frameValidator(route: Route, event: string) {
    return this.compiled(`${route.pattern.source} frame ${event}`, () => {
      const stream = this.resolved(schemaOf(route.methods['get'], '200', 'text/event-stream'));
      return (stream as { 'x-frames'?: Record<string, object> } | undefined)?.['x-frames']?.[event];
    });
  }

  /** A schema, or the component its `$ref` names. */
  private resolved(schema: object | undefined): object | undefined {
    const ref = (schema as { $ref?: string } | undefined)?.$ref;
    if (ref === undefined) return schema;
    const name = ref.replace('#/components/schemas/', '');
    return (this.components as { schemas?: Record<string, object> }).schemas?.[name];
  }

  private documented(): Promise<Route[]> {
    this.routes ??= this.readDocument()
      .then((read) => {
        const document = read as Document;
        this.components = document.components ?? {};
        return routesOf(document);
      })
      .catch((error: unknown) => {
        // Not kept: a document the service could not give yet (still starting, or not a document)
        // is asked for again.
        this.routes = undefined;
        throw error;
      });
    return this.routes;
  }

  private validator(route: Route, method: string, status: string, mediaType: string) {
    return this.compiled(`${route.pattern.source} ${method} ${status} ${mediaType}`, () =>
      schemaOf(route.methods[method], status, mediaType),
    );
  }

  /** The validator of the schema `find` gives, compiled once per key; null when there is none. */
  private compiled(key: string, find: () => object | undefined): ValidateFunction | null {
    if (!this.validators.has(key)) {
      const schema = find();
      // The components go along so the schema's "#/components/schemas/…" resolve inside it.
      const wrapped = { allOf: [schema], components: this.components };
      this.validators.set(key, schema ? this.ajv.compile(wrapped) : null);
    }
    return this.validators.get(key) ?? null;
  }
}
