import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { sweepOrphanedTempFiles, tempPrefix } from './temp-files.ts';

/** A pid that was alive a moment ago and is not now: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('temporary files left by a dead process', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temp-files-spec-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const touch = (name: string) => fs.writeFileSync(path.join(dir, name), 'x');

  it("removes a dead process's files and directories, keeps a live one's and other names", async () => {
    const dead = deadPid();
    touch(`${tempPrefix('activity', dead)}upload.ndjson`);
    fs.mkdirSync(path.join(dir, `${tempPrefix('activity', dead)}spill`));
    touch(`${tempPrefix('activity')}upload.ndjson`); // this process: alive
    touch(`${tempPrefix('activity', process.ppid)}upload.ndjson`); // the parent: alive
    touch(`${tempPrefix('kpi', dead)}ledger`); // another service's
    touch('nhip-activity-notapid-upload.ndjson');
    // Our own pid but from before this process started: a predecessor's (a container's PID 1).
    const predecessor = `${tempPrefix('activity')}old.ndjson`;
    touch(predecessor);
    const beforeStart = new Date(performance.timeOrigin - 60_000);
    fs.utimesSync(path.join(dir, predecessor), beforeStart, beforeStart);
    const removed = await sweepOrphanedTempFiles('activity', dir);
    expect(removed.sort()).toEqual(
      [
        `${tempPrefix('activity', dead)}spill`,
        `${tempPrefix('activity', dead)}upload.ndjson`,
        predecessor,
      ].sort(),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        `${tempPrefix('activity')}upload.ndjson`,
        `${tempPrefix('activity', process.ppid)}upload.ndjson`,
        `${tempPrefix('kpi', dead)}ledger`,
        'nhip-activity-notapid-upload.ndjson',
      ].sort(),
    );
  });

  it('leaves what it cannot read instead of failing the start', async () => {
    expect(await sweepOrphanedTempFiles('activity', path.join(dir, 'missing'))).toEqual([]);
  });
});
