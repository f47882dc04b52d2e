// Old events stay as they were written; upcasters turn an old schema version into the current one
// on read, step by step, so decide/evolve only ever see the current shape.

export type Upcast = (data: unknown) => unknown;

export interface EventSchema {
  /** The version new events of this type are written with. */
  readonly current: number;
  /** steps[n] turns version n into version n + 1. */
  readonly steps?: Readonly<Record<number, Upcast>>;
}

export type EventSchemas = Readonly<Record<string, EventSchema>>;

export function currentSchemaVersion(schemas: EventSchemas, type: string): number {
  return schemas[type]?.current ?? 1;
}

export function upcast(schemas: EventSchemas, type: string, version: number, data: unknown): unknown {
  const schema = schemas[type];
  if (!schema || version >= schema.current) return data;
  let result = data;
  for (let v = version; v < schema.current; v++) {
    const step = schema.steps?.[v];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${v} to ${v + 1}.`);
    result = step(result);
  }
  return result;
}
