import { afterEach, describe, expect, it } from '@jest/globals';
import { formatDay, formatValue, setLang } from './i18n.ts';

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
});
