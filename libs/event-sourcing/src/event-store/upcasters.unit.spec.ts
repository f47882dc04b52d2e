import { describe, expect, it } from '@jest/globals';
import { currentSchemaVersion, upcast, type EventSchemas } from './upcasters.ts';

const schemas: EventSchemas = {
  TeamRegistered: {
    current: 3,
    steps: {
      1: (d) => ({ ...(d as object), teamType: 'cdt' }),
      2: (d) => {
        const { decision, ...rest } = d as { decision: string };
        return { ...rest, decisionNumber: decision };
      },
    },
  },
  Broken: { current: 2 },
};

describe('upcasting old events on read', () => {
  it('applies each step from the stored version to the current one', () => {
    expect(upcast(schemas, 'TeamRegistered', 1, { name: 'Tổ 1', decision: '12/QĐ-UBND' })).toEqual({
      name: 'Tổ 1',
      teamType: 'cdt',
      decisionNumber: '12/QĐ-UBND',
    });
    expect(upcast(schemas, 'TeamRegistered', 2, { decision: '7/QĐ' })).toEqual({ decisionNumber: '7/QĐ' });
  });

  it('leaves current versions and unregistered types alone', () => {
    const data = { name: 'x' };
    expect(upcast(schemas, 'TeamRegistered', 3, data)).toBe(data);
    expect(upcast(schemas, 'Other', 1, data)).toBe(data);
    expect(currentSchemaVersion(schemas, 'Other')).toBe(1);
  });

  it('fails loudly when a step is missing rather than hand out an old shape', () => {
    expect(() => upcast(schemas, 'Broken', 1, {})).toThrow(
      /No upcaster for Broken from schema version 1 to 2/,
    );
  });
});
