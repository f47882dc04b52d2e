// A bulk upload read as it arrives (docs/adr/0039): the body limit still holds for a declared and
// an undeclared length, a file sent to another route is refused unread, a client that stops
// mid-upload leaves nothing written, a file of several chunks gets the same verdicts as one read
// whole (repeats across chunks included), a spool left by a killed process is removed at start, and
// a sheet past the commune's window is taken from an operations centre (ADR 0059).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tempPrefix } from '@nhip/service-http';
import { tokenFor } from '@nhip/testing';
import { personas } from '@nhip/dev-issuer';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tree2025 = fs.readFileSync(
  path.join(here, '..', '..', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv'),
);

interface Bulk {
  summary: { lines: number; accepted: number; duplicate: number; rejected: number };
  verdicts: { line: number; verdict: string; of?: string; errors?: { field: string; reason: string }[] }[];
}
interface Problem {
  errors?: { field: string }[];
}

describe('a bulk upload read as it arrives', () => {
  let platform: Platform;
  let teamId: string;
  const stored = async () =>
    (await platform.activity.sql<{ n: number }>(`SELECT count(*)::int AS n FROM es_events`))[0]?.n ?? 0;
  const report = (overrides: Record<string, unknown> = {}) => ({
    activityId: randomUUID(),
    teamId,
    placeCode: '24175',
    kind: 'online_application',
    residentsHelped: 4,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...overrides,
  });
  const file = (lines: number) =>
    Array.from({ length: lines }, () => JSON.stringify(report())).join('\n') + '\n';

  // A spool file as a process killed mid-upload leaves it: its pid has exited.
  const orphan = path.join(
    os.tmpdir(),
    `${tempPrefix('activity', spawnSync(process.execPath, ['-e', '0']).pid)}bulk-x.ndjson`,
  );

  beforeAll(async () => {
    fs.writeFileSync(orphan, '{}\n');
    // A 1 MB limit, so a file over it stays small enough for a test.
    platform = await startPlatform('upload', { ACTIVITY_MAX_BODY_MB: '1' });
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

  it('removed at start the spool file a killed process left', () => {
    expect(fs.existsSync(orphan)).toBe(false);
  });

  it('refuses a file over the limit with 413, its length declared or not, writing nothing', async () => {
    const before = await stored();
    const big = Buffer.from(file(8_000)); // ~1.6 MB
    const declared = await platform.activity.post<Problem>('/activities/bulk', big, {
      'content-type': 'application/x-ndjson',
    });
    const chunked = await fetch(`${platform.activity.base}/activities/bulk`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        authorization: `Bearer ${await tokenFor(personas.admin)}`,
      },
      // A stream has no declared length: the limit is found while reading.
      body: new Blob([big]).stream(),
      duplex: 'half',
    });
    expect([declared.status, chunked.status]).toEqual([413, 413]);
    expect(declared.body.errors?.[0]?.field).toBe('body');
    expect(((await chunked.json()) as Problem).errors?.[0]?.field).toBe('body');
    expect(await stored()).toBe(before);
  });

  it('refuses a file sent to a route that takes JSON with 415 naming the content type, writing nothing', async () => {
    const before = await stored();
    const small = await platform.activity.post<Problem & { status: number }>('/activities', file(3), {
      'content-type': 'application/x-ndjson',
    });
    // Over the limit and without a declared length: refused before a byte is read, answered whole.
    const chunked = await fetch(`${platform.activity.base}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await tokenFor(personas.admin)}` },
      body: new Blob([file(8_000)]).stream(),
      duplex: 'half',
    });
    // Plain text, which Fastify would read as a string for the schema to refuse as "not an object".
    const plain = await platform.activity.post<Problem>('/activities', 'activityId=1', {
      'content-type': 'text/plain',
    });
    expect([small.status, chunked.status, plain.status]).toEqual([415, 415, 415]);
    expect(chunked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(plain.contentType).toMatch(/^application\/problem\+json/);
    expect(plain.body.errors).toEqual([{ field: 'content-type', reason: 'not a type this route takes' }]);
    expect(small.body.errors?.[0]?.field).toBe('content-type');
    expect(((await chunked.json()) as Problem).errors?.[0]?.field).toBe('content-type');
    expect(await stored()).toBe(before);
  });

  it('answers a request line it cannot read (Hòa Phú typed unencoded into a URL) as a problem, not Fastify’s own JSON', async () => {
    const { port } = new URL(platform.activity.base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(Buffer.from('GET /activities?place=Hòa Phú HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Type: application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status: 400, errors: [{ field: 'request' }] });
  });

  it('writes nothing for a client that stops half-way through its upload, and serves the next one', async () => {
    const before = await stored();
    const body = Buffer.from(file(2_000));
    const { port } = new URL(platform.activity.base);
    const token = await tokenFor(personas.admin);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /activities/bulk HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
            `Content-Type: application/x-ndjson\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, body.length / 2), () => setTimeout(() => socket.destroy(), 300));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stored()).toBe(before);
    const next = await platform.activity.post<Bulk>('/activities/bulk', file(3), {
      'content-type': 'application/x-ndjson',
    });
    expect(next.body.summary).toEqual({ lines: 3, accepted: 3, duplicate: 0, rejected: 0 });
  });

  it('gives a file of several chunks its verdicts, a bad line mid-file and repeats across chunks', async () => {
    const before = await stored();
    const reports = Array.from({ length: 2_500 }, () => report());
    const lines = reports.map((r) => JSON.stringify(r));
    lines[1_200] = '{"activityId": "broken';
    lines[2_300] = JSON.stringify(reports[10]); // the same report again
    lines[2_301] = JSON.stringify({ ...reports[11], residentsHelped: 9 }); // its id, another report
    const reply = await platform.activity.post<Bulk>('/activities/bulk', lines.join('\r\n'), {
      'content-type': 'application/x-ndjson',
    });
    expect(reply.body.summary).toEqual({ lines: 2_500, accepted: 2_497, duplicate: 1, rejected: 2 });
    expect(reply.body.verdicts.map((v) => v.line)).toEqual(lines.map((_, i) => i + 1));
    const odd = reply.body.verdicts.filter((v) => v.verdict !== 'accepted');
    expect(odd.map((v) => [v.line, v.verdict, v.of ?? v.errors?.[0]?.field])).toEqual([
      [1_201, 'rejected', 'line'],
      [2_301, 'duplicate', 'line 11'],
      [2_302, 'rejected', 'activityId'],
    ]);
    expect(await stored()).toBe(before + 2_497);
  });

  it("takes a commune's old sheet from the province's IOC when the commune's window has passed", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const [old, ancient] = [report({ occurredAt: daysAgo(75) }), report({ occurredAt: daysAgo(401) })];
    const body = [old, ancient].map((r) => JSON.stringify(r)).join('\n');
    const upload = async (token: string) =>
      (
        await platform.activity.as(token).post<Bulk>('/activities/bulk', body, {
          'content-type': 'application/x-ndjson',
        })
      ).body;
    const officer = await upload(
      await tokenFor({ sub: 'officer-hp', role: 'commune-officer', unit: '24175' }),
    );
    expect(officer.verdicts.map((v) => v.errors?.[0]?.reason)).toEqual([
      "Reports are accepted up to 60 days after the activity; this one happened 75 days ago. Ask the district operations centre or the province's IOC to record it (up to 400 days).",
      'Reports are accepted up to 60 days after the activity; this one happened 401 days ago.',
    ]);
    const before = await stored();
    const ioc = await upload(await tokenFor(personas.provinceIoc));
    expect(ioc.summary).toEqual({ lines: 2, accepted: 1, duplicate: 0, rejected: 1 });
    expect(ioc.verdicts[1]?.errors?.[0]?.reason).toBe(
      'Reports are accepted up to 400 days after the activity; this one happened 401 days ago.',
    );
    // Entered by the IOC, and said so: the history names who sent it.
    const history = await platform.activity.get<{ data: { occurredAt: string }; actor?: string }[]>(
      `/activities/${old.activityId}`,
    );
    const first = history.body[0];
    expect([Date.parse(first?.data.occurredAt ?? ''), first?.actor, await stored()]).toEqual([
      Date.parse(old.occurredAt),
      personas.provinceIoc.sub,
      before + 1,
    ]);
    // A line entered wrongly is withdrawn by whoever entered it; a commune's neighbour cannot.
    const neighbour = platform.activity.as(
      await tokenFor({ sub: 'ioc-krong-nang', role: 'ioc-operator', unit: '24343' }),
    );
    const voidIt = { reason: 'Nhập trùng từ sổ giấy' };
    const refused = await neighbour.post(`/activities/${old.activityId}/void`, voidIt);
    const province = platform.activity.as(await tokenFor(personas.provinceIoc));
    const voided = await province.post(`/activities/${old.activityId}/void`, voidIt);
    expect([refused.status, voided.status]).toEqual([403, 200]);
  });
});
