import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
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
        kind: { anyOf: [{ enum: ['a', 'b'], description: 'what' }, { type: 'null' }] },
        version: { const: 1 },
        // A property may be called what a keyword is: its schema is converted, not read as the keyword.
        const: { type: 'string' },
      },
    };
    expect(openApiOf(typebox)).toEqual({
      type: 'object',
      properties: {
        memberId: { type: 'string', format: 'uuid', nullable: true, description: 'who' },
        kind: { enum: ['a', 'b', null], description: 'what' },
        version: { enum: [1] },
        const: { type: 'string' },
      },
    });
  });

  it('make several fixed values or null one enumeration, typed, as a reason or none is', () => {
    const reason = { anyOf: [{ const: 'no-target' }, { const: 'no-statistic' }, { type: 'null' }] };
    expect(openApiOf(reason)).toEqual({
      type: 'string',
      enum: ['no-target', 'no-statistic', null],
      nullable: true,
    });
    expect(() => openApiOf({ anyOf: [{ const: 'a' }, { const: 1 }, { type: 'null' }] })).toThrow(
      'several types',
    );
  });

  it('refuses a null beside several schemas or an untyped one, which OpenAPI 3.0 cannot say', () => {
    expect(() => openApiOf({ anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] })).toThrow(
      'only one schema besides null',
    );
    expect(() => openApiOf({ anyOf: [{ $ref: '#/x' }, { type: 'null' }] })).toThrow('without a type');
  });

  it('compile, every one, and take a campaign over every kind (its target kind null)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const components = { schemas: answerSchemas };
    const compiled = Object.fromEntries(
      Object.keys(answerSchemas).map((name) => [
        name,
        ajv.compile({ $ref: `#/components/schemas/${name}`, components }),
      ]),
    );
    const campaign = {
      campaignId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      name: 'Mỗi đêm 1 giờ',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      treeVersion: 'vn-2025',
      unitCodes: ['24175'],
      target: { kind: null, residents: 500 },
    };
    expect(compiled['Campaign']?.(campaign)).toBe(true);
    expect(compiled['Campaign']?.({ ...campaign, target: { kind: 'not-a-kind', residents: 500 } })).toBe(
      false,
    );
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
