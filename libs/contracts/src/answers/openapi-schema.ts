// The small vocabulary the answers' schemas are written in: OpenAPI 3.0 objects, closed by default.

/** An OpenAPI 3.0 schema object: JSON Schema with `nullable`, and `$ref`s into the components. */
export type OpenApiSchema = Readonly<Record<string, unknown>>;

export const ref = (name: string): OpenApiSchema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (type: 'number' | 'integer' | 'string', description?: string): OpenApiSchema => ({
  type,
  nullable: true,
  ...(description === undefined ? {} : { description }),
});
export const closed = (
  properties: Record<string, OpenApiSchema>,
  required: readonly string[] = Object.keys(properties),
  description?: string,
): OpenApiSchema => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties,
  ...(description === undefined ? {} : { description }),
});
export const text = { type: 'string' } as const;
export const list = (items: OpenApiSchema): OpenApiSchema => ({ type: 'array', items });
