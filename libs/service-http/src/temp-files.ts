// Files a service keeps in the temporary directory while it works (an upload's spool, a rebuild's
// spill) are removed when that work ends, but a process killed mid-way cannot. Their names carry
// the service and its pid, so the next start removes what a dead process left and never what a
// live one still uses: several instances may share the directory (the tests' services do).
// A pid reused by an unrelated process only keeps that file until a later start: a leak, never a
// deleted file in use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The start of a temporary file's name: `nhip-<service>-<pid>-`. */
export const tempPrefix = (service: string, pid = process.pid): string => `nhip-${service}-${pid}-`;

/** Removes the service's temporary files and directories whose process is gone; returns their names. */
export async function sweepOrphanedTempFiles(service: string, dir = os.tmpdir()): Promise<string[]> {
  const owned = new RegExp(`^nhip-${service}-(\\d+)-`);
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(dir)) {
    const pid = Number(owned.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await fs.promises.rm(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists under another user; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
