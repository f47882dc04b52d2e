import { describe, expect, it } from '@jest/globals';
import { flattenValidationErrors } from '@nhip/service-http';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SummaryQuery } from './unit-summary.request.ts';

const refusals = (query: Record<string, string>) =>
  flattenValidationErrors(validateSync(plainToInstance(SummaryQuery, query)));

describe('the summary’s knownAt', () => {
  it('takes a date and time with its offset, as every client writes it', () => {
    for (const knownAt of ['2025-10-01T08:00:00+07:00', '2025-10-01T01:00:00.123Z', '2025-10-01T08:00+07:00'])
      expect([knownAt, refusals({ knownAt })]).toEqual([knownAt, []]);
  });

  it('refuses, once and saying what to write, what Date cannot read or reads in the server’s zone', () => {
    for (const knownAt of [
      '2025-W40-3',
      '2025-274',
      '20251001T0800Z',
      '2025-10-01T08:00',
      '2025-13-01T00:00Z',
      'hôm qua',
    ])
      expect([knownAt, refusals({ knownAt })]).toEqual([
        knownAt,
        [
          {
            field: 'knownAt',
            reason: expect.stringMatching(/^knownAt must be an ISO 8601 date-time with its offset/),
          },
        ],
      ]);
  });
});
