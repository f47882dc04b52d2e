// The KPI service's views kept for a moment: one question for a wall of screens opening a scope
// together, never an answer from before a change the asker was just told of.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KpiClient } from './kpi-client.ts';

let server: http.Server;
let base = '';
let asked = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    asked++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ unit: { code: '66' }, indicators: [], children: [], asked }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the KPI service’s views, kept', () => {
  it('asks once while the change log has nothing newer, and again once it has', async () => {
    let seq = 7;
    const client = new KpiClient(base, () => seq);
    const answers = [await client.unitView('66', '2025-to-06', 'Bearer a')];
    answers.push(await client.unitView('66', '2025-to-06', 'Bearer a'));
    seq = 8;
    answers.push(await client.unitView('66', '2025-to-06', 'Bearer a'));
    answers.push(await client.unitView('66', '2025-to-06', 'Bearer a'));
    const order = answers.map((a) => (a as unknown as { asked: number }).asked);
    expect(order[0]).toBe(order[1]);
    expect(order[2]).toBe((order[1] ?? 0) + 1);
    expect(order[3]).toBe(order[2]);
  });

  it('keeps each caller’s answer apart', async () => {
    const client = new KpiClient(base, () => 1);
    const before = asked;
    await client.unitView('66', '2025', 'Bearer a');
    await client.unitView('66', '2025', 'Bearer b');
    expect(asked - before).toBe(2);
  });
});
