// Recording the old→new mapping of a reform: which units of the previous tree each unit of this
// one was formed from, so history stays navigable (where did Xã Phú Lộc 24355 go? Xã Krông Năng).
import { executeCommand, type Tx } from '@nhip/event-sourcing';
import { commandIdOf, ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { checkTreeVersion } from '../csv-upload.ts';
import { unitTreeAggregate } from '../unit-tree.aggregate.ts';
import { unitTreeStream } from '../unit-tree.ts';
import { parseLineage } from './lineage.csv.ts';

export interface LineageRequest extends RequestContext {
  readonly treeVersion: string;
  readonly previousTreeVersion: string;
  readonly csv: Uint8Array;
}

export interface LineageSummary {
  readonly treeVersion: string;
  readonly previousTreeVersion: string;
  readonly links: number;
  readonly unitsRecorded: number;
  readonly upToDate: boolean;
}

export async function recordLineage(pool: pg.Pool, request: LineageRequest): Promise<LineageSummary> {
  checkTreeVersion(request.treeVersion, 'treeVersion');
  checkTreeVersion(request.previousTreeVersion, 'from');
  const parsed = parseLineage(request.csv);
  if (!parsed.ok) {
    throw new ProblemError({
      type: problemType('invalid-mapping'),
      title: 'The mapping cannot be imported',
      status: 422,
      detail: `${parsed.problems.length} problem(s) found; nothing was recorded.`,
      errors: parsed.problems,
    });
  }
  const result = await executeCommand(pool, unitTreeAggregate, async (tx) => ({
    commandId: commandIdOf(request),
    streamId: unitTreeStream(request.treeVersion),
    command: {
      type: 'RecordLineage' as const,
      treeVersion: request.treeVersion,
      previousTreeVersion: request.previousTreeVersion,
      previousCodes: await codesOf(tx, request.previousTreeVersion),
      links: parsed.links,
    },
    metadata: { correlationId: request.correlationId, occurredAt: request.now.toISOString() },
  }));
  return {
    treeVersion: request.treeVersion,
    previousTreeVersion: request.previousTreeVersion,
    links: parsed.links.length,
    unitsRecorded: result.events.length,
    upToDate: result.events.length === 0,
  };
}

async function codesOf(tx: Tx, treeVersion: string): Promise<ReadonlySet<string> | undefined> {
  const known = await tx.query('SELECT 1 FROM rm_unit_trees WHERE tree_version = $1', [treeVersion]);
  if (known.rowCount === 0) return undefined;
  const { rows } = await tx.query<{ code: string }>(
    `SELECT code FROM rm_units WHERE tree_version = $1 AND origin = 'official'`,
    [treeVersion],
  );
  return new Set(rows.map((r) => r.code));
}
