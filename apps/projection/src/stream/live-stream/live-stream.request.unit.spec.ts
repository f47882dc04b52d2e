import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { StreamQuery } from './live-stream.request.ts';

const refused = (query: Record<string, string>) =>
  validateSync(plainToInstance(StreamQuery, query)).map((e) => e.property);

describe('the stream’s period', () => {
  it('is any period a view reads: a stored one, or a year to date following its parts (ADR 0060)', () => {
    expect(refused({ scope: '66', period: '2025' })).toEqual([]);
    expect(refused({ scope: '66', period: '2025-06' })).toEqual([]);
    expect(refused({ scope: '66', period: '2025-to-06' })).toEqual([]);
    expect(refused({ scope: '66', period: '2025-to-2025' })).toEqual(['period']);
    expect(refused({ scope: '66', period: '2025-H1' })).toEqual(['period']);
  });
});
