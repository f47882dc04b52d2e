// Bad configuration stops the launcher with one sentence that says what is wrong and how to fix
// it: no stack trace, exit code 1, nothing started.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot } from './config.ts';

function up(env: Record<string, string>): { code: number | null; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@nhip/source', path.join(repoRoot, 'tools', 'infra', 'cli.ts'), 'up'],
    { cwd: repoRoot, env: { ...process.env, KAFKA_BROKERS: '', DATABASE_URL: '', ...env }, encoding: 'utf8' },
  );
  return { code: result.status, stderr: result.stderr };
}

function expectOneClearSentence(stderr: string, pattern: RegExp): void {
  const problem = stderr.split('\n').find((l) => l.startsWith('✖ '));
  expect(problem).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('the infrastructure launcher on bad configuration', () => {
  let busy: net.Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
  });

  it('names an unreachable broker in KAFKA_BROKERS', () => {
    const { code, stderr } = up({ KAFKA_BROKERS: '127.0.0.1:1' });
    expect(code).toBe(1);
    expectOneClearSentence(
      stderr,
      /KAFKA_BROKERS=127\.0\.0\.1:1 is set but no broker answers there: start that broker, or unset/,
    );
  });

  it('names a malformed KAFKA_BROKERS', () => {
    const { code, stderr } = up({ KAFKA_BROKERS: 'kafka-without-port' });
    expect(code).toBe(1);
    expectOneClearSentence(stderr, /KAFKA_BROKERS=kafka-without-port is malformed .*host:port/);
  });

  it('names a wrong DATABASE_URL without printing its password', () => {
    const { code, stderr } = up({ DATABASE_URL: 'postgres://nhip:secret@127.0.0.1:1/nhip' });
    expect(code).toBe(1);
    expectOneClearSentence(
      stderr,
      /Cannot connect to PostgreSQL at DATABASE_URL \(postgres:\/\/nhip:\*\*\*@127\.0\.0\.1:1\/nhip\).*unset DATABASE_URL/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('refuses a Kafka port another program holds', () => {
    const { code, stderr } = up({ NHIP_KAFKA_PORT: String(busyPort) });
    expect(code).toBe(1);
    expectOneClearSentence(
      stderr,
      new RegExp(`Port ${busyPort} is already in use by another program.*NHIP_KAFKA_PORT`),
    );
  });

  it('refuses a PostgreSQL port another program holds', () => {
    const { code, stderr } = up({ NHIP_POSTGRES_PORT: String(busyPort) });
    expect(code).toBe(1);
    expectOneClearSentence(
      stderr,
      new RegExp(`Port ${busyPort} is already in use by another program.*NHIP_POSTGRES_PORT`),
    );
  });

  it('says how to get a JDK when there is none', () => {
    const { code, stderr } = up({
      JAVA_HOME: '/nonexistent-jdk',
      NHIP_KAFKA_PORT: '29192',
      NHIP_KAFKA_CONTROLLER_PORT: '29193',
    });
    expect(code).toBe(1);
    expectOneClearSentence(
      stderr,
      /No Java runtime found \(JAVA_HOME=\/nonexistent-jdk\): install a JDK 17 or newer/,
    );
  });

  it('rejects a port number outside the usable range', () => {
    const { code, stderr } = up({ NHIP_POSTGRES_PORT: '80' });
    expect(code).toBe(1);
    expectOneClearSentence(stderr, /NHIP_POSTGRES_PORT=80 is not a usable port/);
  });
});
