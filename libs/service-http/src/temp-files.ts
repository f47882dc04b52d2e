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

/**
 * Removes the service's temporary files and directories whose process is gone; returns their
 * names. A name with this process's own pid but older than its start was left by a predecessor
 * that had the same pid: in a container the service is always PID 1, and /tmp (an emptyDir)
 * outlives a restart. Housekeeping never fails a start: what cannot be removed is left.
 */
export async function sweepOrphanedTempFiles(service: string, dir = os.tmpdir()): Promise<string[]> {
  const owned = new RegExp(`^nhip-${service.replace(/[^a-z0-9]/gi, '\\$&')}-(\\d+)-`);
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const pid = Number(owned.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || !(await orphaned(path.join(dir, name), pid))) continue;
    const gone = await fs.promises.rm(path.join(dir, name), { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    if (gone) removed.push(name);
  }
  return removed;
}

async function orphaned(file: string, pid: number): Promise<boolean> {
  if (pid !== process.pid) return !isAlive(pid);
  const made = await fs.promises.stat(file).then(
    (s) => s.mtimeMs,
    () => Number.POSITIVE_INFINITY,
  );
  return made < performance.timeOrigin;
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
