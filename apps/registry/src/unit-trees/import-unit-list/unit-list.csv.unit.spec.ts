import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { splitCsvLine } from '@nhip/csv';
import { parseUnitList } from './unit-list.csv.ts';

const pilot = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/dak-lak-pilot.csv'),
);
const header = 'code,name,type,level,parent_code\n';
const problemsOf = (csv: string | Uint8Array) => {
  const parsed = parseUnitList(typeof csv === 'string' ? Buffer.from(csv) : csv);
  return parsed.ok ? [] : parsed.problems;
};

describe('reading an official unit list', () => {
  it('reads the shipped Đắk Lắk pilot units with their diacritics and levels', () => {
    const parsed = parseUnitList(pilot);
    expect(parsed.ok && parsed.units.map((u) => [u.code, u.name, u.level, u.parentCode])).toEqual([
      ['66', 'Tỉnh Đắk Lắk', 1, null],
      ['643', 'Thành phố Buôn Ma Thuột', 2, '66'],
      ['24172', 'Xã Hòa Phú', 3, '643'],
      ['650', 'Huyện Krông Năng', 2, '66'],
      ['24355', 'Xã Phú Lộc', 3, '650'],
    ]);
  });

  it("accepts Excel's BOM and CRLF line ends", () => {
    const parsed = parseUnitList(
      Buffer.from(`\uFEFF${header}66,Tỉnh Đắk Lắk,Tỉnh,1,\r\n`.replace('\n', '\r\n')),
    );
    expect(parsed.ok).toBe(true);
  });

  it('normalises names to NFC, so a decomposed "Hòa" is the same name as a composed one', () => {
    const decomposed = 'Xã Hòa Phú'.normalize('NFD');
    const parsed = parseUnitList(
      Buffer.from(`${header}66,Tỉnh Đắk Lắk,Tỉnh,1,\n643,${decomposed},Xã,2,66\n`),
    );
    expect(parsed.ok && parsed.units[1]?.name).toBe('Xã Hòa Phú'.normalize('NFC'));
  });

  it('refuses invalid UTF-8 and says how to save the file', () => {
    expect(
      problemsOf(Buffer.concat([Buffer.from(header), Buffer.from([0x36, 0x36, 0x2c, 0xc3, 0x28])])),
    ).toEqual([{ line: 0, field: 'file', reason: 'The file is not valid UTF-8: save it as "CSV UTF-8".' }]);
  });

  it('names each bad line, field and reason', () => {
    const csv = `${header}66,Tỉnh Đắk Lắk,Tỉnh,1,\n6x,Bad,Tỉnh,1,\n643,,Thành phố,2,66\n24172,Xã Hòa Phú,Xã,3,999\n24355,Xã Phú Lộc,Xã,3,66\n66,Again,Tỉnh,1,\n650,Huyện Krông Năng,Huyện,two,66\n`;
    expect(problemsOf(csv)).toEqual([
      { line: 3, field: 'code', reason: '"6x" is not an official code (2 to 5 digits, zero-padded).' },
      { line: 4, field: 'name', reason: 'The name must have 1 to 200 characters.' },
      {
        line: 5,
        field: 'parent_code',
        reason: 'Parent 999 is not listed above this line (parents come before their children).',
      },
      {
        line: 6,
        field: 'level',
        reason: 'Level 3 under parent 66 of level 1: a unit sits exactly one level below its parent.',
      },
      { line: 7, field: 'code', reason: 'Code 66 appears twice.' },
      { line: 8, field: 'level', reason: '"two" is not a level (1 for a province, then 2, 3…).' },
    ]);
  });

  it('refuses a file without the expected columns, or without units', () => {
    expect(problemsOf('ma,ten\n66,Đắk Lắk\n')[0]).toMatchObject({
      line: 1,
      field: 'code, name, type, level, parent_code',
    });
    expect(problemsOf(header)).toEqual([{ line: 0, field: 'file', reason: 'The list has no units.' }]);
  });

  it('splits quoted cells with commas and doubled quotes', () => {
    expect(splitCsvLine('1,"Thôn 1, xã A","say ""xin chào""",')).toEqual([
      '1',
      'Thôn 1, xã A',
      'say "xin chào"',
      '',
    ]);
  });
});
