import { describe, expect, it } from '@jest/globals';
import { ProblemError } from './problem.ts';
import { plainToInstance, Type } from 'class-transformer';
import { IsDateString, Matches, validate, ValidateNested } from 'class-validator';
import { flattenValidationErrors, IsChosenId, requireUuid } from './validation.ts';

const refusal = (value: string) => {
  try {
    requireUuid(value, 'activityId');
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
  }
  return undefined;
};

describe('an id in a path', () => {
  it('takes a UUID of any version or variant, lower-cased, as the bodies’ schemas take it', () => {
    expect(requireUuid('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', 'activityId')).toBe(
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
    // Version 0 and 15, variant c: well formed, a client may have chosen them.
    for (const value of ['0190a1b2-c3d4-0e5f-8a9b-0c1d2e3f4a5b', '0190a1b2-c3d4-fe5f-ca9b-0c1d2e3f4a5b'])
      expect(requireUuid(value, 'activityId')).toBe(value);
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

class Created {
  @IsChosenId()
  id!: string;
}

const reasons = async (id: string) => {
  const created = Object.assign(new Created(), { id });
  return (await validate(created)).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('an id a client chooses for what it creates', () => {
  it('is any UUID but the nil and the max one, each refusal saying why', async () => {
    await expect(reasons('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).resolves.toEqual([]);
    // Version 0, variant c: a path takes it, so a body does too.
    await expect(reasons('0190a1b2-c3d4-0e5f-ca9b-0c1d2e3f4a5b')).resolves.toEqual([]);
    for (const id of ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-FFFFFFFFFFFF'])
      await expect(reasons(id)).resolves.toEqual([
        'the nil and max UUIDs name nothing: generate one (version 4 or 7)',
      ]);
    await expect(reasons('not-an-id')).resolves.toEqual(['id must be a UUID']);
  });
});

class Link {
  @Matches(/^\d{5}-\d{3}$/, { message: 'must be a village code' })
  from!: string;
}

class Decision {
  @IsDateString({}, { message: 'must be a date' })
  date!: string;
}

class Carried {
  @ValidateNested({ each: true })
  @Type(() => Link)
  villages!: Link[];

  @ValidateNested()
  @Type(() => Decision)
  decision!: Decision;
}

describe('a field inside another', () => {
  it('is named as a client reaches it, an item of a list by its index in brackets', async () => {
    const body = { villages: [{ from: '24292-001' }, { from: 'Thôn 1' }], decision: { date: 'hôm qua' } };
    const errors = await validate(plainToInstance(Carried, body));
    // The spelling a rule's own check uses (bridgePoints[1].unitCode), not villages.1.from.
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'villages[1].from', reason: 'must be a village code' },
      { field: 'decision.date', reason: 'must be a date' },
    ]);
  });
});
