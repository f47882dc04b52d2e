import { describe, expect, it } from '@jest/globals';
import { inputText, parseInput } from './known-at.ts';

describe('a moment typed as Vietnam writes it', () => {
  it('reads day/month/year hour:minute, a day alone as its first minute', () => {
    expect(parseInput('06/12/2026 10:40')).toEqual(new Date(2026, 11, 6, 10, 40));
    expect(parseInput(' 6/1/2026  7:05 ')).toEqual(new Date(2026, 0, 6, 7, 5));
    expect(parseInput('06/12/2026')).toEqual(new Date(2026, 11, 6, 0, 0));
    expect(parseInput('01/01/0026')?.getFullYear()).toBe(26);
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

  it('writes a moment back the way it is read', () => {
    const at = new Date(2026, 2, 5, 9, 7);
    expect(inputText(at)).toBe('05/03/2026 09:07');
    expect(parseInput(inputText(at))).toEqual(at);
  });
});
