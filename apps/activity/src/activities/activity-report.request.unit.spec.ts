import { describe, expect, it } from '@jest/globals';
import { reportFromJson } from './activity-report.request.ts';

const valid = {
  activityId: '0b1e2f1c-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  teamId: '1b1e2f1c-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  placeCode: '24175-003',
  kind: 'vneid_activation',
  residentsHelped: 3,
  occurredAt: '2026-11-20T19:30:00+07:00',
};

describe('the shape of one report', () => {
  it('names every missing field on its own line', () => {
    expect(reportFromJson({})).toEqual({
      ok: false,
      problems: ['activityId', 'teamId', 'placeCode', 'kind', 'residentsHelped', 'occurredAt'].map(
        (field) => ({
          field,
          reason: 'is required',
        }),
      ),
    });
  });

  it('names every field a report does not have, and keeps a wrong value’s own reason', () => {
    const check = reportFromJson({ ...valid, colour: 'red', shade: 'dark', residentsHelped: 0 });
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'colour', reason: 'is not a field of a report' },
        { field: 'shade', reason: 'is not a field of a report' },
        { field: 'residentsHelped', reason: expect.stringMatching(/>= 1/) },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('takes a whole report', () => {
    expect(reportFromJson(valid)).toMatchObject({ ok: true, report: { activityId: valid.activityId } });
  });

  it('refuses the nil and the max UUID as the report’s own id, which every careless client would share', () => {
    for (const activityId of ['00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'])
      expect(reportFromJson({ ...valid, activityId })).toEqual({
        ok: false,
        problems: [
          {
            field: 'activityId',
            reason: 'the nil and max UUIDs name nothing: generate one (version 4 or 7)',
          },
        ],
      });
  });
});
