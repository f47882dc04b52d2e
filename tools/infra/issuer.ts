// The development issuer beside Kafka and PostgreSQL: every tier and npm start get one, reused when
// it already answers, started detached otherwise (pid in .infra/auth/issuer.pid). With
// AUTH_ISSUER_URL set, the services trust that issuer instead and none is started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { devIssuerDir, devIssuerUrl } from '@nhip/dev-issuer';
import { logsDir, repoRoot } from './config.ts';
import { InfraError } from './infra-error.ts';
import { isListening, isProcessAlive, waitFor } from './net.ts';

export interface IssuerEndpoint {
  readonly url: string;
  readonly startedNow: boolean;
  readonly external: boolean;
}

const pidFile = path.join(devIssuerDir, 'issuer.pid');
const entry = path.join(repoRoot, 'tools', 'infra', 'dev-issuer-main.ts');
const issuerPort = (): number => Number(process.env['NHIP_ISSUER_PORT'] ?? 3100);

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(1_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export async function ensureIssuer(): Promise<IssuerEndpoint> {
  const url = devIssuerUrl();
  if (process.env['AUTH_ISSUER_URL']) return { url, startedNow: false, external: true };
  if (await answers(url)) return { url, startedNow: false, external: false };
  if (await isListening(issuerPort()))
    throw new InfraError(
      `Port ${issuerPort()} is already in use by another program, so Nhịp cannot start its development issuer there: stop that program, choose a free port with NHIP_ISSUER_PORT, or point AUTH_ISSUER_URL at your issuer.`,
    );
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(devIssuerDir, { recursive: true });
  const out = fs.openSync(path.join(logsDir, 'issuer.log'), 'a');
  const child = spawn(process.execPath, ['--conditions=@nhip/source', entry], {
    env: { ...process.env, NHIP_ISSUER_PORT: String(issuerPort()) },
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  fs.writeFileSync(pidFile, String(child.pid));
  if (!(await waitFor(() => answers(url), 15_000, 100)))
    throw new InfraError(`The development issuer did not come up on ${url}: see .infra/logs/issuer.log.`);
  return { url, startedNow: true, external: false };
}

export async function stopIssuer(): Promise<boolean> {
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : undefined;
  fs.rmSync(pidFile, { force: true });
  if (pid === undefined || !isProcessAlive(pid)) return false;
  process.kill(pid, 'SIGTERM');
  await waitFor(() => Promise.resolve(!isProcessAlive(pid)), 5_000, 100);
  return true;
}

export const issuerRunning = (): boolean => {
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : undefined;
  return pid !== undefined && isProcessAlive(pid);
};
