// The off-heap table answers exactly as a Map from id to first line would, through its growth.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { FirstLineById } from './first-line-by-id.ts';

describe('FirstLineById', () => {
  it('answers as a Map would for 50,000 lines with repeats, growing from 16 slots', () => {
    const table = new FirstLineById(1);
    const oracle = new Map<string, number>();
    const ids = Array.from({ length: 30_000 }, () => randomUUID());
    for (let line = 1; line <= 50_000; line++) {
      const id = ids[(line * 7919) % ids.length] as string;
      const expected = oracle.get(id);
      if (expected === undefined) oracle.set(id, line);
      expect(table.firstLineOf(id, line)).toBe(expected);
    }
    expect(table.size).toBe(oracle.size);
  });

  it('tells apart ids that differ in one digit anywhere', () => {
    const table = new FirstLineById();
    const base = '00000000-0000-4000-8000-000000000000';
    const variants = Array.from({ length: base.length }, (_c, i) => i)
      .filter((i) => base[i] !== '-')
      .map((i) => `${base.slice(0, i)}f${base.slice(i + 1)}`);
    expect(table.firstLineOf(base, 1)).toBeUndefined();
    variants.forEach((id, i) => expect(table.firstLineOf(id, i + 2)).toBeUndefined());
    variants.forEach((id, i) => expect(table.firstLineOf(id, 999)).toBe(i + 2));
    expect(table.firstLineOf(base, 999)).toBe(1);
    expect(table.size).toBe(33);
  });

  it('refuses line 0, which marks an empty slot', () => {
    expect(() => new FirstLineById().firstLineOf(randomUUID(), 0)).toThrow(RangeError);
  });
});
