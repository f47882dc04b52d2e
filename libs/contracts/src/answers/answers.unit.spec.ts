import { describe, expect, it } from '@jest/globals';
import { answerSchemas, openApiOf } from './index.ts';

/** Every value under `schema` with its path, depth first. */
function* walk(schema: unknown, path = ''): Generator<[string, string, unknown]> {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    yield [path, key, value];
    yield* walk(value, `${path}/${key}`);
  }
}

describe('the answers’ schemas', () => {
  it('say "or null" and a fixed value as OpenAPI 3.0 does', () => {
    const typebox = {
      type: 'object',
      properties: {
        memberId: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }], description: 'who' },
        either: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
        version: { const: 1 },
      },
    };
    expect(openApiOf(typebox)).toEqual({
      type: 'object',
      properties: {
        memberId: { type: 'string', format: 'uuid', nullable: true, description: 'who' },
        either: { anyOf: [{ type: 'string' }, { type: 'integer' }], nullable: true },
        version: { enum: [1] },
      },
    });
  });

  it('hold no JSON Schema OpenAPI 3.0 does not know, and point only at schemas that exist', () => {
    for (const [name, schema] of Object.entries(answerSchemas))
      for (const [path, key, value] of walk(schema)) {
        const where = `${name}${path}/${key}`;
        expect({ where, nullType: key === 'type' && value === 'null' }).toEqual({ where, nullType: false });
        expect({ where, constant: key === 'const' && !path.endsWith('/properties') }).toEqual({
          where,
          constant: false,
        });
        if (key === '$ref')
          expect({ where, to: String(value).replace('#/components/schemas/', '') in answerSchemas }).toEqual({
            where,
            to: true,
          });
      }
  });
});
