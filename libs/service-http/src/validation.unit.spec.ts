import { describe, expect, it } from '@jest/globals';
import { ProblemError } from './problem.ts';
import { requireUuid } from './validation.ts';

const refusal = (value: string) => {
  try {
    requireUuid(value, 'activityId');
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
  }
  return undefined;
};

describe('an id in a path', () => {
  it('takes a UUID of any version, lower-cased', () => {
    expect(requireUuid('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', 'activityId')).toBe(
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
  });

  it('says the nil and max UUIDs name nothing, rather than that they are not UUIDs', () => {
    for (const value of ['00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'])
      expect(refusal(value)).toMatchObject({
        status: 400,
        errors: [{ field: 'activityId', reason: 'the nil and max UUIDs name nothing' }],
      });
    expect(refusal('not-an-id')).toMatchObject({ detail: 'activityId: "not-an-id" is not a UUID.' });
  });
});
