import { afterEach, describe, expect, it } from '@jest/globals';
import type { Explanation, Operand } from '../api/types.ts';
import { setLang } from '../i18n/i18n.ts';
import { comparisonRows, formulaText, sourceLines } from './explain-text.ts';
import { bulletGeometry, shownComparisons } from './comparison-bar.ts';

const helped = {
  vi: 'Lượt người dân được hỗ trợ: Cài đặt, kích hoạt VNeID',
  en: 'Residents helped: VNeID installed and activated',
};

describe('where an explained figure comes from, in words', () => {
  afterEach(() => setLang('vi'));

  it('writes the formula out with its version, and names a newer one', () => {
    const numerator: Operand = { figure: 13387, source: { kind: 'metric', name: helped } };
    const target: Operand = { figure: 9950, source: { kind: 'target', name: helped } };
    const explained = (over: Partial<Explanation['indicator']>, denominator: Operand | null) =>
      ({
        indicator: { unit: 'percent', version: 1, latestVersion: 1, ...over },
        numerator,
        denominator,
      }) as unknown as Explanation;
    expect(formulaText(explained({}, target))).toBe(
      `Công thức (phiên bản 1): “${helped.vi}” ÷ chỉ tiêu “${helped.vi}” được giao × 100`,
    );
    const trained: Operand = { figure: 3, source: { kind: 'metric', metric: 'active_members_trained' } };
    expect(formulaText(explained({ unit: 'ratio', latestVersion: 2 }, trained))).toBe(
      `Công thức (phiên bản 1): “${helped.vi}” ÷ “active_members_trained” (đã có phiên bản 2)`,
    );
    setLang('en');
    expect(formulaText(explained({ unit: 'count' }, null))).toBe(`Formula (version 1): “${helped.en}”`);
  });

  it('names the metric counted and how a flow or a stock is summed', () => {
    const flow: Operand = {
      figure: 13387,
      source: { kind: 'metric', metric: 'residents_helped.vneid_activation', name: helped, counts: 'flow' },
    };
    expect(sourceLines(flow)).toEqual([`Đếm từ sự kiện “${helped.vi}”`, 'cộng các ngày trong kỳ']);
    const stock: Operand = {
      figure: 5,
      source: { kind: 'metric', metric: 'active_members', counts: 'stock' },
    };
    // A KPI service too old to send names: the id, never an empty line.
    expect(sourceLines(stock)).toEqual(['Đếm từ sự kiện “active_members”', 'số có đến ngày cuối kỳ']);
    setLang('en');
    expect(sourceLines(flow)).toEqual([
      `Counted from “${helped.en}” events`,
      'summed over the days of the period',
    ]);
  });

  it('says who assigned each target that makes up the denominator, and when', () => {
    const target: Operand = {
      figure: 9950,
      source: {
        kind: 'target',
        metric: 'residents_helped.vneid_activation',
        name: helped,
        assigned: [
          {
            unitCode: '20207',
            unitName: 'Phường Thanh Khê Đông',
            value: 9950,
            assignedBy: '48',
            assignedByName: 'Thành phố Đà Nẵng',
            assignedAt: '2024-01-05T02:00:00.000Z',
          },
        ],
      },
    };
    expect(sourceLines(target)).toEqual([
      `Chỉ tiêu được giao về “${helped.vi}”`,
      'Thành phố Đà Nẵng giao cho Phường Thanh Khê Đông: 9.950 (ngày 05/01/2024)',
    ]);
    expect(sourceLines({ figure: null, source: { kind: 'target', name: helped, assigned: [] } })).toEqual([
      `Chỉ tiêu được giao về “${helped.vi}”`,
      'chưa có đơn vị nào được giao chỉ tiêu',
    ]);
    // The period it was assigned for, when the KPI service says it: a year to date reads its year's.
    expect(sourceLines({ ...target, source: { ...target.source, period: '2024' } })[0]).toBe(
      `Chỉ tiêu năm 2024 được giao về “${helped.vi}”`,
    );
    // A province without its own target sums its communes': five named, the rest counted.
    const communes = Array.from({ length: 7 }, (_, i) => ({
      unitCode: `2417${i}`,
      unitName: `Xã ${i}`,
      value: 100,
      assignedBy: '66',
      assignedByName: 'Tỉnh Đắk Lắk',
      assignedAt: '2026-01-05T02:00:00.000Z',
    }));
    const province = sourceLines({
      figure: 700,
      source: { kind: 'target', name: helped, assigned: communes },
    });
    expect(province).toHaveLength(1 + 5 + 1);
    expect(province.at(-1)).toBe('và 2 đơn vị khác');
  });

  it('gives a statistic its source and the day it describes, or says it is missing', () => {
    const name = { vi: 'Dân số từ 15 tuổi trở lên', en: 'Residents aged 15 and over' };
    const reported: Operand = {
      figure: 16418,
      source: {
        kind: 'statistic',
        statistic: 'population_15_plus',
        name,
        value: 16418,
        source: 'Niên giám 2025',
        asOf: '2025-12-31',
      },
    };
    expect(sourceLines(reported)).toEqual([
      'Số liệu thống kê “Dân số từ 15 tuổi trở lên”',
      'Niên giám 2025 · số liệu đến ngày 31/12/2025',
    ]);
    const missing: Operand = {
      figure: null,
      source: { kind: 'statistic', statistic: 'households', missing: true },
    };
    expect(sourceLines(missing)).toEqual(['Số liệu thống kê “households”', 'chưa có số liệu']);
    const grouping: Operand = {
      figure: 300,
      source: {
        kind: 'statistic',
        name,
        members: [
          { unitCode: '1', value: 300, source: 'x', asOf: '2025-01-01' },
          { unitCode: '2', missing: true },
        ],
      },
    };
    expect(sourceLines(grouping)[1]).toBe('1/2 đơn vị đã có số liệu');
  });
});

describe('a per-cent value against its comparison lines', () => {
  const line = (value: number) => ({ kind: 'national-average' as const, value, source: 'brief' });

  it('scales to 100 % unless the value or a line goes beyond it', () => {
    const under = bulletGeometry(75.12, [line(75)]);
    expect([under.bar, under.ticks]).toEqual([expect.closeTo(0.7512, 9), [0.75]]);
    const over = bulletGeometry(134.54, [line(100)]);
    expect(over.bar).toBe(1);
    expect(over.ticks[0]).toBeCloseTo(100 / 134.54, 6);
    expect(bulletGeometry(null, [line(40)])).toEqual({ bar: null, ticks: [0.4] });
  });

  it('leaves out a local target, which is one place’s and names none', () => {
    const local = { kind: 'local-target' as const, value: 100, source: 'one ward' };
    expect(shownComparisons({ comparisons: [line(75), local] })).toEqual([line(75)]);
  });

  it('says how far the figure is above or below each line, and where the line comes from', () => {
    const percent = {
      unit: 'percent' as const,
      comparisons: [line(75), { ...line(40), kind: 'national-target' as const }],
    };
    setLang('vi');
    expect(comparisonRows(72.5, percent)).toEqual([
      { line: 'Bình quân cả nước', value: '75,00%', gap: 'thấp hơn 2,5 điểm %', source: 'brief' },
      { line: 'Mục tiêu quốc gia', value: '40,00%', gap: 'cao hơn 32,5 điểm %', source: 'brief' },
    ]);
    expect(comparisonRows(75.004, percent)[0]?.gap).toBe('bằng mốc');
    expect(comparisonRows(null, percent)[0]?.gap).toBe('—');
    setLang('en');
    expect(comparisonRows(76.256, percent)[0]?.gap).toBe('1.26 points above');
    setLang('vi');
    // A count has no lines to be compared with.
    expect(comparisonRows(5, { unit: 'count', comparisons: [line(75)] })).toEqual([]);
  });

  it('names where a line comes from in the language of the page, English from an older service', () => {
    const sourceName = {
      vi: 'Tài liệu nghiệp vụ: bình quân cả nước 75 %',
      en: 'Brief: national average 75 %',
    };
    const percent = { unit: 'percent' as const, comparisons: [{ ...line(75), sourceName }] };
    expect(comparisonRows(70, percent)[0]?.source).toBe('Tài liệu nghiệp vụ: bình quân cả nước 75 %');
    setLang('en');
    expect(comparisonRows(70, percent)[0]?.source).toBe('Brief: national average 75 %');
    setLang('vi');
    expect(comparisonRows(70, { unit: 'percent', comparisons: [line(75)] })[0]?.source).toBe('brief');
    expect(comparisonRows(5, { unit: 'count', comparisons: [line(75)] })).toEqual([]);
  });
});
