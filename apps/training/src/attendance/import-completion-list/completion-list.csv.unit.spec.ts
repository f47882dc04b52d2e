import { describe, expect, it } from '@jest/globals';
import { parseCompletionList } from './completion-list.csv.ts';

const member = '0B8F5D7E-3C21-4F6A-8E90-5A4B3C2D1E0F';

describe('a completion list as a course platform exports it and an office saves it', () => {
  it("reads Excel's save: BOM, ';', Vietnamese headers, dd/mm/yyyy, quoted cells; never reads the name", () => {
    const csv =
      '\uFEFFSTT;Họ và tên;Số điện thoại;Mã thành viên;Điểm cầu;Ngày hoàn thành\r\n' +
      `1;"Nguyễn Thị; Lan";;${member};24172;19/9/2022\r\n` +
      '2;Trần Văn An;+84 912 345 678;;643;19/09/2022\r\n';
    const lines = parseCompletionList(csv);
    if ('problem' in lines) throw new Error(lines.problem);
    expect(lines).toEqual([
      {
        line: 2,
        ok: true,
        who: { memberId: member.toLowerCase() },
        bridgePoint: '24172',
        completedOn: '2022-09-19',
      },
      { line: 3, ok: true, who: { phone: '0912345678' }, bridgePoint: '643', completedOn: '2022-09-19' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Lan|An"/);
  });

  it('reads English headers with ","', () => {
    const lines = parseCompletionList(`member id,completed on\n${member},2022-09-19\n`);
    expect(lines).toEqual([
      {
        line: 2,
        ok: true,
        who: { memberId: member.toLowerCase() },
        bridgePoint: null,
        completedOn: '2022-09-19',
      },
    ]);
  });

  it('rejects a malformed line with its field and reason, and keeps the others', () => {
    const lines = parseCompletionList(
      'Mã thành viên,Số điện thoại,Điểm cầu,Ngày hoàn thành\nnot-an-id,,,\n,12345,,\n,,,\n,0912345678,x,31/02/2022\n',
    );
    if ('problem' in lines) throw new Error(lines.problem);
    expect(lines.map((l) => (l.ok ? [] : l.errors.map((e) => e.field)))).toEqual([
      ['memberId'],
      ['phone'],
      ['memberId'],
      ['bridgePoint', 'completedOn'],
    ]);
  });

  it('names the missing columns when neither a member id nor a phone column is there', () => {
    expect(parseCompletionList('Họ và tên;Ngày hoàn thành\nAn;19/9/2022\n')).toEqual({
      problem: expect.stringContaining('ma thanh vien or so dien thoai'),
    });
  });
});
