// The activity service's copy of what it needs from the registry: units (with their paths), teams
// (status, unit) and memberships, kept from the registry's public events. Validation reads this
// copy; the registry is never called on the hot path.
import {
  publicEventDefinition,
  publicEventProblems,
  type TeamRegisteredData,
  type UnitAddedData,
} from '@nhip/contracts';
import type { IncomingEvent } from '@nhip/event-sourcing';
import type pg from 'pg';

/** Types this replica understands; others on its topics are dead-lettered as unknown. */
export const isReplicaType = (type: string): boolean =>
  publicEventDefinition(type) !== undefined &&
  (type.startsWith('vn.nhip.registry.unit') || type.startsWith('vn.nhip.registry.team'));

type Tx = pg.PoolClient;
type Apply = (tx: Tx, data: Record<string, unknown>) => Promise<unknown>;

const teamStatus =
  (status: string): Apply =>
  (tx, d) =>
    tx.query('UPDATE replica_teams SET status = $2 WHERE team_id = $1', [d['teamId'], status]);

const appliers: Record<string, Apply> = {
  'vn.nhip.registry.unit-tree.opened.v1': (tx, d) =>
    tx.query(
      'INSERT INTO replica_unit_trees (tree_version, effective_from) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [d['treeVersion'], d['effectiveFrom']],
    ),
  'vn.nhip.registry.unit.added.v1': (tx, d) => addUnit(tx, d as unknown as UnitAddedData),
  'vn.nhip.registry.unit.moved.v1': (tx, d) => moveUnit(tx, d),
  'vn.nhip.registry.unit.retired.v1': (tx, d) =>
    tx.query('DELETE FROM replica_units WHERE tree_version = $1 AND code = $2', [
      d['treeVersion'],
      d['code'],
    ]),
  'vn.nhip.registry.team.registered.v1': (tx, d) => {
    const team = d as unknown as TeamRegisteredData;
    return tx.query(
      `INSERT INTO replica_teams (team_id, status, tree_version, unit_code, unit_path)
       VALUES ($1, 'active', $2, $3, $4) ON CONFLICT (team_id) DO NOTHING`,
      [team.teamId, team.treeVersion, team.unitCode, team.unitPath],
    );
  },
  'vn.nhip.registry.team.member-added.v1': (tx, d) =>
    tx.query('INSERT INTO replica_team_members (team_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      d['teamId'],
      d['memberId'],
    ]),
  'vn.nhip.registry.team.member-removed.v1': (tx, d) =>
    tx.query('DELETE FROM replica_team_members WHERE team_id = $1 AND member_id = $2', [
      d['teamId'],
      d['memberId'],
    ]),
  'vn.nhip.registry.team.suspended.v1': teamStatus('suspended'),
  'vn.nhip.registry.team.reinstated.v1': teamStatus('active'),
  'vn.nhip.registry.team.dissolved.v1': teamStatus('dissolved'),
};

/** Applies a batch in the consumer's transaction; events this replica does not need are skipped. */
export async function applyToReplica(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  for (const event of events) {
    const problems = publicEventProblems(event.type, event.data);
    // Thrown, the consumer retries and then dead-letters the message with this reason.
    if (problems.length > 0)
      throw new Error(`${event.type} ${event.id} breaks its contract: ${problems.join('; ')}`);
    await appliers[event.type]?.(tx, event.data as Record<string, unknown>);
  }
}

// Events of one tree version share a key, so a parent always arrives before its children.
async function addUnit(tx: Tx, unit: UnitAddedData): Promise<void> {
  await tx.query(
    `INSERT INTO replica_units (tree_version, code, level, parent_code, origin, path)
     SELECT $1, $2, $3, $4, $5,
            coalesce((SELECT path FROM replica_units WHERE tree_version = $1 AND code = $4), '{}') || $2::text
     ON CONFLICT (tree_version, code) DO NOTHING`,
    [unit.treeVersion, unit.code, unit.level, unit.parentCode, unit.origin],
  );
}

async function moveUnit(tx: Tx, d: Record<string, unknown>): Promise<void> {
  const { rows } = await tx.query<{ path: string[] }>(
    'SELECT path FROM replica_units WHERE tree_version = $1 AND code = $2',
    [d['treeVersion'], d['code']],
  );
  const old = rows[0]?.path;
  if (!old) return;
  // The unit and everything under it get the new prefix.
  await tx.query(
    `WITH parent AS (SELECT coalesce((SELECT path FROM replica_units WHERE tree_version = $1 AND code = $3), '{}') AS path)
     UPDATE replica_units u SET
       path = (SELECT path FROM parent) || u.path[cardinality($4::text[]):],
       level = CASE WHEN u.code = $2 THEN $5 ELSE u.level END,
       parent_code = CASE WHEN u.code = $2 THEN $3 ELSE u.parent_code END
     WHERE u.tree_version = $1 AND u.path[1:cardinality($4::text[])] = $4::text[]`,
    [d['treeVersion'], d['code'], d['parentCode'], old, d['level']],
  );
}
