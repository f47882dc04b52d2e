import { describe, expect, it } from '@jest/globals';
import { inputText, parseInput } from './known-at.ts';

describe('a moment typed as Vietnam writes it', () => {
  it('reads day/month/year hour:minute in Vietnam’s time, a day alone as its first minute', () => {
    expect(parseInput('06/12/2026 10:40')?.toISOString()).toBe('2026-12-06T03:40:00.000Z');
    expect(parseInput(' 6/1/2026  7:05 ')?.toISOString()).toBe('2026-01-06T00:05:00.000Z');
    // Midnight in Vietnam is the evening before in UTC.
    expect(parseInput('06/12/2026')?.toISOString()).toBe('2026-12-05T17:00:00.000Z');
    expect(parseInput('01/01/0026 12:00')?.getUTCFullYear()).toBe(26);
  });

  it('refuses what is no moment rather than rolling it into another', () => {
    for (const typed of [
      '31/02/2026 10:00',
      '06/13/2026',
      '06/12/2026 24:00',
      '06/12/2026 10:60',
      '2026-12-06',
      '',
      '06/12/26',
    ])
      expect({ typed, read: parseInput(typed) }).toEqual({ typed, read: null });
  });

  it('writes a moment back the way it is read, in Vietnam’s time whatever the machine’s zone', () => {
    const at = new Date('2026-03-05T02:07:00Z');
    expect(inputText(at)).toBe('05/03/2026 09:07');
    expect(parseInput(inputText(at))).toEqual(at);
    expect(inputText(new Date('2026-03-05T17:30:00Z'))).toBe('06/03/2026 00:30');
    // Four digits for the year whatever it is: the box reads no other form back.
    const early = new Date('0026-03-05T02:07:00Z');
    expect(inputText(early)).toBe('05/03/0026 09:07');
    expect(parseInput(inputText(early))).toEqual(early);
  });
});
