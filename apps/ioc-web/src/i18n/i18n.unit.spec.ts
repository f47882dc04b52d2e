import { afterEach, describe, expect, it } from '@jest/globals';
import { formatDateTime, formatDay, formatTime, formatValue, setLang } from './i18n.ts';

describe('dates and numbers in the language in force', () => {
  afterEach(() => setLang('vi'));

  it('writes a day as Vietnamese write it, and unmistakably in English', () => {
    expect(formatDay('2026-12-05')).toBe('05/12/2026');
    setLang('en');
    // 05/12/2026 reads as 12 May to half of English readers.
    expect(formatDay('2026-12-05')).toBe('5 Dec 2026');
  });

  it('writes numbers with the separators of the language', () => {
    expect(formatValue(134.5412, 'percent', 2)).toBe('134,54%');
    expect(formatValue(13_387, 'count', 0)).toBe('13.387');
    setLang('en');
    expect(formatValue(13_387, 'count', 0)).toBe('13,387');
  });

  it('writes a moment in Vietnam’s time, whatever zone the machine is set to', () => {
    // 17:30 UTC is half past midnight the next day in Vietnam.
    expect(formatDateTime('2026-12-05T17:30:05Z')).toBe('00:30:05 06/12/2026');
    expect(formatTime(new Date('2026-12-05T03:04:00Z'))).toBe('10:04');
  });
});
