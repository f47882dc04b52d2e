// EXPERIMENT: `node --conditions=@nhip/source tools/bundle/measure.ts <service> <entry> <getPath> [requests]`
// starts one compiled service (dist/main.js or dist-bundle/main.mjs) with the services' own Node flags
// and malloc settings, and prints one JSON line: time to /health/ready, then RSS and PSS
// (/proc/<pid>/smaps_rollup) and the process's memoryUsage() (logged by a preloaded one-liner) 10 s after
// ready, and again after `requests` authenticated GETs of getPath (10 at a time). docs/adr/0045 has results.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { devToken, personas } from '@nhip/dev-issuer';
import { serviceNodeEnv, serviceNodeFlags } from '@nhip/telemetry/node-flags';

const [service = 'kpi', entry = 'apps/kpi/dist/main.js', getPath = '/catalog', count = '2000'] =
  process.argv.slice(2);
const prefix = service.toUpperCase();
const port = Number(process.env[`${prefix}_PORT`]);
const base = `http://127.0.0.1:${port}`;
// The process's own memoryUsage() every 2 s on stderr. A data: URL, not a file: a preloaded .ts file
// would load Node's type stripper into the service and add ~6 MB to what is measured.
const preload = `data:text/javascript,${encodeURIComponent(
  'setInterval(() => process.stderr.write(`NHIP_MEM ${JSON.stringify(process.memoryUsage())}\\n`), 2000).unref();',
)}`;

const child = spawn(process.execPath, [...serviceNodeFlags, '--import', preload, entry], {
  env: { ...serviceNodeEnv, ...process.env, [`${prefix}_DATABASE`]: `bundle_${service}` },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let lastMem: Record<string, number> = {};
let stderr = '';
child.stderr.on('data', (chunk: Buffer) => {
  stderr += chunk.toString();
  for (const line of chunk.toString().split('\n'))
    if (line.startsWith('NHIP_MEM ')) lastMem = JSON.parse(line.slice(9)) as Record<string, number>;
});

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
function sample() {
  const kb = (file: string, key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(file, 'utf8'))?.[1] ?? NaN);
  const rollup = `/proc/${child.pid}/smaps_rollup`;
  return {
    rss: Math.round(kb(rollup, 'Rss') / 1024),
    pss: Math.round(kb(rollup, 'Pss') / 1024),
    pssFile: Math.round(kb(rollup, 'Pss_File') / 1024),
    heapUsed: mb(lastMem['heapUsed'] ?? NaN),
    heapTotal: mb(lastMem['heapTotal'] ?? NaN),
    external: mb(lastMem['external'] ?? NaN),
  };
}

async function waitReady(started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${stderr.slice(-3000)}`);
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Date.now() - started;
    if (Date.now() - started > 90_000) throw new Error(`not ready in 90 s:\n${stderr.slice(-3000)}`);
    await sleep(50);
  }
}

async function load(token: string, requests: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const worker = async () => {
    while (next++ < requests) {
      const reply = await fetch(`${base}${getPath}`, { headers: { authorization: `Bearer ${token}` } });
      await reply.arrayBuffer();
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return statuses;
}

const token = await devToken(personas.admin);
const started = Date.now();
try {
  const readyMs = await waitReady(started);
  await sleep(10_000);
  const idle = sample();
  const statuses = await load(token, Number(count));
  await sleep(4_000);
  const loaded = sample();
  console.log(JSON.stringify({ service, entry, readyMs, idle, loaded, statuses }));
} finally {
  child.kill('SIGTERM');
}
