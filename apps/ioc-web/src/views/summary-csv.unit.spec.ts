import { afterEach, describe, expect, it } from '@jest/globals';
import type { Indicator, Summary } from '../api/types.ts';
import { setLang } from '../i18n/i18n.ts';
import { csvFileName, summaryCsv } from './summary-csv.ts';

const figures = (overrides: Partial<Indicator>): Indicator => ({
  id: 'vneid_vs_target',
  version: 1,
  name: {
    vi: 'Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao',
    en: 'VNeID accounts vs target',
  },
  unit: 'percent',
  value: null,
  exact: null,
  numerator: null,
  denominator: null,
  target: null,
  attainment: null,
  rank: null,
  missing: null,
  ...overrides,
});

const vneid = (numerator: number, denominator: number, exact: string, rank: number | null = null) =>
  figures({
    value: Number(exact),
    exact,
    numerator,
    denominator,
    target: denominator,
    attainment: Number(exact),
    rank,
  });
const helped = (value: number) =>
  figures({
    id: 'residents_helped.vneid_activation',
    name: {
      vi: 'Lượt người dân được hỗ trợ: Cài đặt, kích hoạt VNeID',
      en: 'Residents helped: installing, activating VNeID',
    },
    unit: 'count',
    value,
    exact: String(value),
    numerator: value,
  });

const summary: Summary = {
  unit: { code: '20207', name: 'Phường Thanh Khê Đông', treeVersion: 'vn-2024' },
  period: '2024',
  knownAt: null,
  indicators: [vneid(13_387, 9_950, '134.54'), helped(13_387)],
  children: [
    { code: '20207-010', name: 'Tổ 10', indicators: [vneid(900, 1_000, '90.00', 2)] },
    // A name a member typed: a formula for Excel, and the separator.
    { code: '20207-002', name: '=HYPERLINK("x");Tổ 2', indicators: [figures({ missing: 'no-target' })] },
  ],
};

describe('the view as CSV for Excel', () => {
  afterEach(() => setLang('vi'));

  it('writes the unit first, then its children by name, in Vietnamese Excel’s list and decimals', () => {
    setLang('vi');
    const text = summaryCsv(summary);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n').slice(0, -1)).toEqual([
      'Mã đơn vị;Đơn vị;Vai trò;Kỳ;Mã chỉ tiêu;Chỉ tiêu;Đơn vị tính;Phiên bản công thức;Giá trị;Tử số;Mẫu số;Chỉ tiêu giao;Đạt (%);Xếp hạng;Ghi chú',
      '20207;Phường Thanh Khê Đông;Đơn vị đang xem;2024;vneid_vs_target;Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao;%;1;134,54;13387;9950;9950;134,54;;',
      '20207;Phường Thanh Khê Đông;Đơn vị đang xem;2024;residents_helped.vneid_activation;Lượt người dân được hỗ trợ: Cài đặt, kích hoạt VNeID;số lượng;1;13387;13387;;;;;',
      // Named "=HYPERLINK…" sorts before "Tổ 10"; written as text, quoted for its separator.
      `20207-002;"'=HYPERLINK(""x"");Tổ 2";Đơn vị trực thuộc;2024;vneid_vs_target;Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao;%;1;;;;;;;chưa giao chỉ tiêu`,
      '20207-010;Tổ 10;Đơn vị trực thuộc;2024;vneid_vs_target;Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao;%;1;90,00;900;1000;1000;90;2;',
    ]);
  });

  it('writes English Excel’s comma list and decimal point, quoting a name with a comma', () => {
    setLang('en');
    const lines = summaryCsv(summary).slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Unit code,Unit,Role,Period,Indicator id,Indicator,Measure,Formula version,Value,Numerator,Denominator,Target,Attainment (%),Rank,Note',
    );
    expect(lines[1]).toBe(
      '20207,Phường Thanh Khê Đông,Unit shown,2024,vneid_vs_target,VNeID accounts vs target,%,1,134.54,13387,9950,9950,134.54,,',
    );
    expect(lines[2]).toBe(
      '20207,Phường Thanh Khê Đông,Unit shown,2024,residents_helped.vneid_activation,"Residents helped: installing, activating VNeID",count,1,13387,13387,,,,,',
    );
  });

  it('writes Vietnamese names for an English Excel when asked: the language and the Excel apart', () => {
    setLang('vi');
    const lines = summaryCsv(summary, 'en').slice(1).split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['Mã đơn vị', 'Đơn vị', 'Vai trò']);
    expect(lines[2]).toBe(
      '20207,Phường Thanh Khê Đông,Đơn vị đang xem,2024,residents_helped.vneid_activation,"Lượt người dân được hỗ trợ: Cài đặt, kích hoạt VNeID",số lượng,1,13387,13387,,,,,',
    );
    // Still text, still quoted (for its quotes), its ';' now plain.
    expect(lines[3]?.startsWith(`20207-002,"'=HYPERLINK(""x"");Tổ 2",Đơn vị trực thuộc,2024,`)).toBe(true);
    expect(lines[4]).toMatch(/,90\.00,900,1000,1000,90,2,$/);
    // And English names for a Vietnamese Excel.
    setLang('en');
    expect(summaryCsv(summary, 'vi').slice(1).split('\r\n')[1]).toBe(
      '20207;Phường Thanh Khê Đông;Unit shown;2024;vneid_vs_target;VNeID accounts vs target;%;1;134,54;13387;9950;9950;134,54;;',
    );
  });

  it('names the units that replaced a former one as such, not as units below it', () => {
    setLang('vi');
    const former: Summary = {
      ...summary,
      unit: { code: '643', name: 'Thành phố Buôn Ma Thuột', treeVersion: 'vn-2024' },
      period: '2026',
      successorsIn: 'vn-2025',
      children: [{ code: '24133', name: 'Phường Buôn Ma Thuột', indicators: [helped(9)] }],
    };
    const lines = summaryCsv(former).slice(1).split('\r\n');
    expect(lines.at(-2)?.split(';').slice(0, 4)).toEqual([
      '24133',
      'Phường Buôn Ma Thuột',
      'Đơn vị thay thế',
      '2026',
    ]);
  });

  it('names the file after the unit and period, and the moment in Vietnam’s time for a view as recorded then', () => {
    expect(csvFileName(summary)).toBe('nhip-20207-2024.csv');
    expect(csvFileName({ ...summary, knownAt: '2026-12-06T20:40:00.000Z' })).toBe(
      'nhip-20207-2024-2026-12-07-03h40.csv',
    );
  });
});
