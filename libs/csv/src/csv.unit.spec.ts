import { describe, expect, it } from '@jest/globals';
import { csvLines, decodeUtf8, splitCsvLine } from './csv.ts';

describe('CSV as offices save it', () => {
  it('drops the BOM, refuses bytes that are not UTF-8', () => {
    expect(csvLines(decodeUtf8(new TextEncoder().encode('\uFEFFMã tổ\r\n')) ?? '')).toEqual(['Mã tổ', '']);
    expect(decodeUtf8(Uint8Array.from([0x4d, 0xff]))).toBeUndefined();
  });

  it('splits CRLF and LF lines, quoted cells with their separators and doubled quotes', () => {
    expect(csvLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
    expect(splitCsvLine('24172,"Xã ""Hòa"" Phú, BMT",Xã')).toEqual(['24172', 'Xã "Hòa" Phú, BMT', 'Xã']);
    expect(splitCsvLine('a;"b;c";', ';')).toEqual(['a', 'b;c', '']);
  });
});
