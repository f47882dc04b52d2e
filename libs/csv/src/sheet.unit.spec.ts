import { describe, expect, it } from '@jest/globals';
import { foldLabel, readSheet, separatorOf, vietnameseDate, vietnameseInstant } from './sheet.ts';

const columns = { memberId: ['ma thanh vien', 'member id'], phone: ['so dien thoai', 'phone'] } as const;

describe('a spreadsheet as offices save it', () => {
  it('folds labels: diacritics, đ, case and punctuation do not matter', () => {
    expect(foldLabel('Số điện thoại')).toBe('so dien thoai');
    expect(foldLabel('  Mã_thành-viên ')).toBe('ma thanh vien');
  });

  it('tells the separator from the header line', () => {
    expect(separatorOf('a;b;"c,d"')).toBe(';');
    expect(separatorOf('a,b;c,d')).toBe(',');
  });

  it('finds columns by any of their names, in any order, and numbers lines as an editor does', () => {
    const sheet = readSheet(
      '\uFEFFSĐT;Số điện thoại;Mã thành viên\r\n;0912;"a;b"\r\n\r\n;0913;c\r\n',
      columns,
      [['memberId', 'phone']],
    );
    if ('problem' in sheet) throw new Error(sheet.problem);
    expect(sheet.rows.map((r) => [r.line, r.cell('phone'), r.cell('memberId')])).toEqual([
      [2, '0912', 'a;b'],
      [4, '0913', 'c'],
    ]);
  });

  it('names a missing group of columns', () => {
    expect(readSheet('Họ và tên\nAn\n', columns, [['memberId', 'phone']])).toEqual({
      problem: expect.stringContaining('ma thanh vien or so dien thoai'),
    });
  });

  it('reads Vietnamese dates and leaves other text alone', () => {
    expect(vietnameseDate('19/9/2022')).toBe('2022-09-19');
    expect(vietnameseDate('2022-09-19')).toBe('2022-09-19');
    expect(vietnameseDate('hôm qua')).toBe('hôm qua');
    expect(vietnameseInstant('5/3/2026 7:05')).toBe('2026-03-05T07:05:00+07:00');
  });
});
