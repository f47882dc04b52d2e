import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { StreamQuery } from './live-stream.request.ts';

const refused = (query: Record<string, string>) =>
  validateSync(plainToInstance(StreamQuery, query)).map((e) => e.property);

describe('the stream’s period', () => {
  it('is one values are published for: a year to date never is (ADR 0057)', () => {
    expect(refused({ scope: '66', period: '2025' })).toEqual([]);
    expect(refused({ scope: '66', period: '2025-06' })).toEqual([]);
    expect(refused({ scope: '66', period: '2025-to-06' })).toEqual(['period']);
  });
});
