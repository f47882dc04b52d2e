import { describe, expect, it } from '@jest/globals';
import { isoInstant, parseCsv } from './bulk.csv.ts';

const team = '6f1c2a4e-8b0d-4c3e-9a57-2d6f3b1e9c10';

describe("a commune's spreadsheet as CSV", () => {
  it("reads Excel's export: BOM, ';', Vietnamese headers and labels, dd/mm/yyyy in Vietnam time", () => {
    const csv =
      '\uFEFFMã tổ;Nơi thực hiện;Loại hoạt động;Số người dân được hỗ trợ;Thời gian\r\n' +
      `${team};24175-003;Cài đặt, kích hoạt VNeID;12;20/11/2026 19:30\r\n` +
      `${team};24175-004;"Tuyên truyền; phổ biến";40;21/11/2026\r\n` +
      `${team};24175-004;Dạy nấu ăn;5;21/11/2026\r\n`;
    const lines = parseCsv(csv);
    if ('problem' in lines) throw new Error(lines.problem);
    expect(lines.map((l) => l.line)).toEqual([2, 3, 4]);
    const first = lines[0]?.check;
    expect(first?.ok && first.report).toMatchObject({
      teamId: team,
      placeCode: '24175-003',
      kind: 'vneid_activation',
      residentsHelped: 12,
      occurredAt: '2026-11-20T19:30:00+07:00',
    });
    // Labels match without regard to case, diacritics or punctuation; a quoted ';' stays in its cell.
    expect(lines[1]?.check).toMatchObject({
      ok: true,
      report: { kind: 'communication_session', residentsHelped: 40 },
    });
    // A kind that is not one of ours is reported against its field, not guessed.
    expect(lines[2]?.check).toMatchObject({ ok: false, problems: [{ field: 'kind' }] });
  });

  it('gives identical rows the same id (a re-uploaded sheet counts once) and rows with an id their own', () => {
    const csv = `team_id,place_code,kind,residents_helped,occurred_at\n${team},24175,other,3,2026-11-20T08:00:00+07:00\n${team},24175,other,3,2026-11-20T08:00:00+07:00\n`;
    const lines = parseCsv(csv);
    if ('problem' in lines) throw new Error(lines.problem);
    const ids = lines.map((l) => (l.check.ok ? l.check.report.activityId : ''));
    expect(ids[0]).toBe(ids[1]);
  });

  it('names the missing columns', () => {
    expect(parseCsv('Mã tổ,Thời gian\n')).toEqual({ problem: expect.stringContaining('noi thuc hien') });
  });

  it('reads Vietnamese dates and leaves ISO 8601 alone', () => {
    expect(isoInstant('5/3/2026 7:05')).toBe('2026-03-05T07:05:00+07:00');
    expect(isoInstant('2026-03-05T07:05:00Z')).toBe('2026-03-05T07:05:00Z');
  });
});
