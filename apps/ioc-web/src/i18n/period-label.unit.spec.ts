import { afterEach, describe, expect, it } from '@jest/globals';
import { setLang } from './i18n.ts';
import { periodLabel, periodTitle } from './period-label.ts';

describe('a period as an operator names it', () => {
  afterEach(() => setLang('vi'));
  const keys = [
    '2025',
    '2025-Q3',
    '2025-07',
    '2025-07-01',
    '2025-to-06',
    '2025-to-Q3',
    '2024-to-02',
    '2025-to-07-15',
  ];

  it('in Vietnamese: a quarter in Roman numerals, a year to date by its last day', () => {
    expect(keys.map(periodLabel)).toEqual([
      'năm 2025',
      'quý III/2025',
      'tháng 7/2025',
      'ngày 01/07/2025',
      'lũy kế đến 30/06/2025',
      'lũy kế đến 30/09/2025',
      'lũy kế đến 29/02/2024',
      'lũy kế đến 15/07/2025',
    ]);
    expect(periodTitle('2025-to-06')).toBe('Lũy kế đến 30/06/2025');
  });

  it('in English, with no day a reader could take for a month', () => {
    setLang('en');
    expect(keys.map(periodLabel)).toEqual([
      '2025',
      'Q3 2025',
      'July 2025',
      '1 Jul 2025',
      'year to 30 Jun 2025',
      'year to 30 Sept 2025',
      'year to 29 Feb 2024',
      'year to 15 Jul 2025',
    ]);
    for (const none of ['không phải kỳ', '2025-13', '2025-to-02-30']) expect(periodLabel(none)).toBe(none);
    // A year below 100 is its own, not the 1900s' (Date.UTC's reading).
    expect(periodLabel('0099-07')).toBe('July 99');
  });
});
