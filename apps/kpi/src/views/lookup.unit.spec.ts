import { describe, expect, it } from '@jest/globals';
import type { ProblemError } from '@nhip/service-http';
import { requirePeriod, requireStoredPeriod } from './lookup.ts';

const refusal = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    const { status, errors } = (error as ProblemError).problem;
    return { status, fields: errors?.map((e) => e.field) };
  }
  return undefined;
};

describe('the period a request names', () => {
  it('may be a year to date for a view, never for what is stored (a target)', () => {
    expect(requirePeriod('2025-to-06').kind).toBe('to-date');
    expect(requireStoredPeriod('2025-Q2').kind).toBe('quarter');
    expect(refusal(() => requireStoredPeriod('2025-to-06'))).toEqual({ status: 400, fields: ['period'] });
    expect(refusal(() => requirePeriod('2025-to-13', 'to'))).toEqual({ status: 400, fields: ['to'] });
  });
});
