// Property-based: whatever a client sends to the single and bulk endpoints, the answer is a 2xx or a
// 4xx with a reason, never a 500, and the store changes by exactly what was accepted.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tree2025 = fs.readFileSync(
  path.join(here, '..', '..', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv'),
);

interface Problem {
  errors?: { field: string; reason: string }[];
}
interface Bulk {
  summary: { lines: number; accepted: number; duplicate: number; rejected: number };
  verdicts: { verdict: string; errors?: { reason: string }[] }[];
}

describe('activity endpoints under arbitrary input', () => {
  let platform: Platform;
  let teamId: string;
  const stored = async () =>
    (await platform.activity.sql<{ n: number }>(`SELECT count(*)::int AS n FROM es_events`))[0]?.n ?? 0;

  beforeAll(async () => {
    platform = await startPlatform('fuzz');
    await platform.registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree2025, {
      'content-type': 'text/csv',
    });
    teamId = (
      await platform.registry.post<{ teamId: string }>('/teams', {
        name: 'Tổ công nghệ số cộng đồng xã Hòa Phú',
        teamType: 'community_digital_technology',
        unitCode: '24175',
        decision: { number: '3/QĐ-UBND', date: '2025-07-15' },
      })
    ).body.teamId;
    await replicaCaughtUp(platform, [teamId]);
  });
  afterAll(() => platform.stop());

  const valid = () => ({
    activityId: randomUUID(),
    teamId,
    placeCode: '24175',
    kind: 'online_application',
    residentsHelped: 4,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const keys = Object.keys(valid());
  // A valid report with some fields dropped and others replaced by anything at all.
  const mangled = fc
    .record({
      drop: fc.subarray(keys),
      replace: fc.dictionary(fc.constantFrom(...keys, 'memberId', 'campaignId', 'extra'), fc.anything(), {
        maxKeys: 3,
      }),
    })
    .map(({ drop, replace }) => {
      const body: Record<string, unknown> = { ...valid(), ...replace };
      for (const key of drop) Reflect.deleteProperty(body, key);
      return body;
    });

  it('answers any single report with 201 (one event more) or a 4xx with reasons (nothing written)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mangled, fc.anything()), async (body) => {
        const before = await stored();
        const reply = await platform.activity.post<Problem>('/activities', JSON.stringify(body), {
          'content-type': 'application/json',
        });
        expect([201, 400, 409, 413, 415, 422]).toContain(reply.status);
        if (reply.status === 201) expect(await stored()).toBe(before + 1);
        else {
          expect(reply.body.errors?.length).toBeGreaterThan(0);
          expect(await stored()).toBe(before);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('gives every line of any NDJSON file a verdict, and stores exactly the accepted ones', async () => {
    const line = fc.oneof(
      mangled.map((b) => JSON.stringify(b)),
      fc.constant(null).map(() => JSON.stringify(valid())),
      fc.string(),
      fc.json(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), async (lines) => {
        const text = lines.join('\n');
        const nonEmpty = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
        const before = await stored();
        const reply = await platform.activity.post<Bulk>('/activities/bulk', text, {
          'content-type': 'application/x-ndjson',
        });
        expect(reply.status).toBe(200);
        expect(reply.body.verdicts).toHaveLength(nonEmpty);
        expect(
          reply.body.verdicts
            .filter((v) => v.verdict === 'rejected')
            .every((v) => (v.errors?.length ?? 0) > 0),
        ).toBe(true);
        expect(await stored()).toBe(before + reply.body.summary.accepted);
      }),
      { numRuns: 60 },
    );
  });

  it('answers any CSV with line verdicts or a 4xx naming what is wrong, never a 500', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom(teamId, '24175', 'Khác', '20/11/2026', '3', ''));
    const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 15 });
    const header = fc.constantFrom(
      'Mã tổ;Nơi thực hiện;Loại hoạt động;Số người;Thời gian',
      'team_id,place_code,kind,residents_helped,occurred_at',
      'a,b,c',
    );
    await fc.assert(
      fc.asyncProperty(header, rows, async (head, body) => {
        const separator = head.includes(';') ? ';' : ',';
        const csv = [head, ...body.map((r) => r.join(separator))].join('\r\n');
        const before = await stored();
        const reply = await platform.activity.post<Bulk & Problem>('/activities/bulk', Buffer.from(csv), {
          'content-type': 'text/csv',
        });
        expect([200, 422]).toContain(reply.status);
        if (reply.status === 422) expect(reply.body.errors?.length).toBeGreaterThan(0);
        else expect(await stored()).toBe(before + reply.body.summary.accepted);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses bytes that are not UTF-8 with a 4xx naming the file', async () => {
    const reply = await platform.activity.post<Problem>(
      '/activities/bulk',
      Buffer.from([0x7b, 0xff, 0xfe, 0x0a]),
      {
        'content-type': 'application/x-ndjson',
      },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.[0]?.field).toBe('file');
  });
});
