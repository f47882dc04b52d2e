// Property-based: whatever completion list a client uploads, the answer is a 2xx with a verdict for
// every line or a 4xx naming what is wrong, never a 500, and the store grows by exactly the lines
// accepted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startPlatform, type Platform } from './fixtures/platform.ts';
import { heldSession, registerSmallProvince, type SmallProvince } from './fixtures/small-province.ts';

interface Imported {
  summary: { lines: number; accepted: number; duplicate: number; rejected: number };
  verdicts: { line: number; verdict: string; errors?: { field: string; reason: string }[] }[];
}
interface Problem {
  errors?: { field: string; reason: string }[];
}

const headers = {
  memberId: ['Mã thành viên', 'member id', 'MA THANH VIEN'],
  phone: ['Số điện thoại', 'SĐT', 'phone'],
  bridgePoint: ['Điểm cầu', 'bridge point'],
  completedOn: ['Ngày hoàn thành', 'completed on'],
  name: ['Họ và tên', 'STT', 'ghi chú'],
};

describe('the completion-list import under arbitrary sheets', () => {
  let platform: Platform;
  let province: SmallProvince;
  const stored = async () =>
    (
      await platform.training.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'trainee-%'`,
      )
    )[0]?.n ?? 0;

  beforeAll(async () => {
    platform = await startPlatform('fuzz');
    province = await registerSmallProvince(platform);
  }, 180_000);
  afterAll(() => platform.stop());

  it('answers any sheet with a verdict per line or a 4xx with reasons, and stores exactly the accepted lines', async () => {
    const { lan, binh, chi, dung } = province.members;
    const people = [lan!, binh!, chi!, dung!];
    const cell = fc.oneof(
      fc.constantFrom(
        ...people.map((p) => p.memberId),
        ...people.map((p) => p.phone),
        randomUUID(),
        '0900000009',
      ),
      fc.constantFrom(
        '24000',
        '24001',
        '24002',
        '640',
        '99999',
        '19/09/2022',
        '2022-09-19',
        '31/02/2022',
        '',
      ),
      fc.string({ maxLength: 12 }),
    );
    const column = fc.constantFrom(...Object.values(headers).flat());
    const sheet = fc.record({
      bom: fc.boolean(),
      separator: fc.constantFrom(';', ','),
      columns: fc.uniqueArray(column, { minLength: 1, maxLength: 5 }),
      rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
      crlf: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(sheet, async ({ bom, separator, columns, rows, crlf }) => {
        const sessionId = await heldSession(platform.training, province.courseId);
        const text = `${bom ? '\uFEFF' : ''}${[columns, ...rows].map((r) => r.join(separator)).join(crlf ? '\r\n' : '\n')}`;
        const before = await stored();
        const reply = await platform.training.post<Imported & Problem>(
          `/sessions/${sessionId}/attendance/imports`,
          Buffer.from(text),
          {
            'content-type': 'text/csv',
          },
        );
        const grown = (await stored()) - before;
        if (reply.status !== 200) {
          expect([
            reply.status >= 400 && reply.status < 500,
            (reply.body.errors?.length ?? 0) > 0,
            grown,
          ]).toEqual([true, true, 0]);
          return;
        }
        const lines = text
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .slice(1)
          .filter((l) => l.trim() !== '').length;
        expect(reply.body.verdicts).toHaveLength(lines);
        expect(
          reply.body.verdicts
            .filter((v) => v.verdict === 'rejected')
            .every((v) => (v.errors?.length ?? 0) > 0),
        ).toBe(true);
        expect(grown).toBe(reply.body.summary.accepted);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses bytes that are not UTF-8, and a body that is not a file, with a 4xx naming why', async () => {
    const sessionId = await heldSession(platform.training, province.courseId);
    const bytes = await platform.training.post<Problem>(
      `/sessions/${sessionId}/attendance/imports`,
      Uint8Array.from([0x4d, 0xff, 0x0a]),
      {
        'content-type': 'text/csv',
      },
    );
    expect([bytes.status, bytes.body.errors?.[0]?.field]).toEqual([422, 'file']);
    const json = await platform.training.post<Problem>(`/sessions/${sessionId}/attendance/imports`, {
      memberId: randomUUID(),
    });
    expect([json.status, json.body.errors?.[0]?.field]).toEqual([415, 'content-type']);
  });
});
