// The registry as it ships: the compiled service in a process of its own, on the real database.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bearer,
  type FixtureProcess,
  freePort,
  postgresAdminUrl,
  builtService,
  startFixture,
  uniqueTopicPrefix,
} from '@nhip/testing';

const here = path.dirname(fileURLToPath(import.meta.url));
let port: number;
let base: string;
const pilot = fs.readFileSync(path.join(here, 'fixtures', 'dak-lak-pilot.csv'));
// Unit lists are imported by an administrator (ADR 0022).
let admin: { authorization: string };

const importList = (
  tree: string,
  body: string | Buffer,
  contentType = 'text/csv',
  effectiveFrom = '2008-08-01',
) =>
  fetch(`${base}/unit-trees/${tree}/imports?effectiveFrom=${effectiveFrom}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...admin },
    body,
  });

/**
 * A POST that reads the answer even when the server answers before the body is sent: fetch reports
 * "fetch failed" when a 413 arrives mid-upload, while a real client does see the 413.
 */
function rawPost(
  pathAndQuery: string,
  body: string | Buffer,
  contentType: string,
): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${pathAndQuery}`,
      { method: 'POST', headers: { 'content-type': contentType, ...admin } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            body: text,
          }),
        );
      },
    );
    request.on('error', (error) => {
      if (!request.writableEnded || !('code' in error && error.code === 'EPIPE')) reject(error);
    });
    request.end(body);
  });
}

describe('registry service (compiled, child process)', () => {
  let service: FixtureProcess;

  beforeAll(async () => {
    admin = await bearer();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = startFixture(
      builtService('registry'),
      {
        DATABASE_URL: postgresAdminUrl(),
        REGISTRY_PORT: String(port),
        REGISTRY_DATABASE: 'test_registry_e2e',
        // Its own topic namespace: nothing it publishes reaches the topics npm start's services read.
        NHIP_TOPIC_PREFIX: uniqueTopicPrefix(),
      },
      { fromSource: false },
    );
    await service.ready;
  });
  afterAll(() => service.stop());

  it('answers its health check', async () => {
    const response = await fetch(`${base}/health`);
    expect(await response.json()).toEqual({ status: 'ok', service: 'registry' });
  });

  it('imports the Đắk Lắk pilot units, then finds nothing to change on a re-import', async () => {
    const tree = `pilot-${randomUUID().slice(0, 8)}`;
    const first = await importList(tree, pilot);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ unitsInList: 5, changes: { added: 5 }, upToDate: false });
    const again = await importList(tree, pilot);
    expect(await again.json()).toMatchObject({
      changes: { added: 0, renamed: 0, retired: 0 },
      upToDate: true,
    });
  });

  it('records a renamed unit as a rename', async () => {
    const tree = `rename-${randomUUID().slice(0, 8)}`;
    await importList(tree, pilot);
    const renamed = pilot.toString().replace('Xã Hòa Phú', 'Phường Hòa Phú');
    expect(await (await importList(tree, renamed)).json()).toMatchObject({
      changes: { renamed: 1, added: 0 },
    });
  });

  it.each([
    {
      what: 'a malformed line',
      body: 'code,name,type,level,parent_code\n6x,Bad,Tỉnh,1,\n',
      type: 'text/csv',
      status: 422,
      field: 'code',
    },
    {
      what: 'invalid UTF-8',
      body: Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xff]),
      type: 'text/csv',
      status: 422,
      field: 'file',
    },
    {
      what: 'a JSON body',
      body: '{"units":[]}',
      type: 'application/json',
      status: 415,
      field: 'content-type',
    },
    {
      // A CSV saved as .txt: the route itself answers, naming text/csv (ADR 0053).
      what: 'a CSV sent as plain text',
      body: 'code,name\n66,Tỉnh Đắk Lắk\n',
      type: 'text/plain',
      status: 415,
      field: 'content-type',
    },
  ])('refuses $what with problem details and writes nothing', async ({ body, type, status, field }) => {
    const tree = `bad-${randomUUID().slice(0, 8)}`;
    const response = await rawPost(`/unit-trees/${tree}/imports?effectiveFrom=2008-08-01`, body, type);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(response.body) as { status: number; errors?: { field: string }[] };
    expect(problem.status).toBe(status);
    if (field) expect(problem.errors?.[0]?.field).toBe(field);
    // A file route names the type it takes, plain text or JSON alike.
    if (status === 415) expect(JSON.stringify(problem.errors)).toContain('expected text/csv');
    // Nothing was written: a valid import into the same tree still adds every unit.
    const after = await rawPost(`/unit-trees/${tree}/imports?effectiveFrom=2008-08-01`, pilot, 'text/csv');
    expect(JSON.parse(after.body)).toMatchObject({ changes: { added: 5 } });
  });

  it('refuses a second effective date for the same tree version', async () => {
    const tree = `dated-${randomUUID().slice(0, 8)}`;
    await importList(tree, pilot);
    const response = await importList(tree, pilot, 'text/csv', '2025-07-01');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ type: 'https://nhip.vn/problems/effective_date_mismatch' });
  });
});
