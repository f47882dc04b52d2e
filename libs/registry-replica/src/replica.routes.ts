// A service's copy of what it needs from the registry: units (with their paths), teams
// (status, unit) and memberships, kept from the registry's public events (activity, training).
// Validation reads this copy; the registry is never called on the hot path. Routes are keyed by the contracts'
// declarations, so each applier gets its event's data typed and already checked.
import {
  TeamDissolvedV1,
  TeamLeaderAssignedV1,
  TeamMemberAddedV1,
  TeamMemberRemovedV1,
  TeamMovedV1,
  TeamRegisteredV1,
  TeamReinstatedV1,
  TeamRenamedV1,
  TeamSuspendedV1,
  UnitAddedV1,
  UnitLineageRecordedV1,
  UnitMovedV1,
  UnitReclassifiedV1,
  UnitRenamedV1,
  UnitRetiredV1,
  UnitTreeOpenedV1,
} from '@nhip/contracts';
import { on, routeEvents, type Tx } from '@nhip/event-sourcing';
import { addLineage, addUnit, moveUnit } from './replica-units.projection.ts';

const teamStatus = (status: string) => (data: { teamId: string }, tx: Tx) =>
  tx.query('UPDATE replica_teams SET status = $2 WHERE team_id = $1', [data.teamId, status]);

const router = routeEvents(
  [
    on(UnitTreeOpenedV1, (d, tx) =>
      tx.query(
        'INSERT INTO replica_unit_trees (tree_version, effective_from) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [d.treeVersion, d.effectiveFrom],
      ),
    ),
    on(UnitAddedV1, addUnit),
    on(UnitMovedV1, moveUnit),
    on(UnitLineageRecordedV1, addLineage),
    on(UnitRetiredV1, (d, tx) =>
      tx.query('DELETE FROM replica_units WHERE tree_version = $1 AND code = $2', [d.treeVersion, d.code]),
    ),
    on(TeamRegisteredV1, (team, tx) =>
      tx.query(
        `INSERT INTO replica_teams (team_id, status, tree_version, unit_code, unit_path)
         VALUES ($1, 'active', $2, $3, $4) ON CONFLICT (team_id) DO NOTHING`,
        [team.teamId, team.treeVersion, team.unitCode, team.unitPath],
      ),
    ),
    on(TeamMemberAddedV1, (d, tx) =>
      tx.query(
        'INSERT INTO replica_team_members (team_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [d.teamId, d.memberId],
      ),
    ),
    on(TeamMemberRemovedV1, (d, tx) =>
      tx.query('DELETE FROM replica_team_members WHERE team_id = $1 AND member_id = $2', [
        d.teamId,
        d.memberId,
      ]),
    ),
    // A team serving another unit is judged there from now on: reports name places of its new tree.
    on(TeamMovedV1, (d, tx) =>
      tx.query(
        'UPDATE replica_teams SET tree_version = $2, unit_code = $3, unit_path = $4 WHERE team_id = $1',
        [d.teamId, d.treeVersion, d.unitCode, d.unitPath],
      ),
    ),
    on(TeamSuspendedV1, teamStatus('suspended')),
    on(TeamReinstatedV1, teamStatus('active')),
    on(TeamDissolvedV1, teamStatus('dissolved')),
  ],
  // Names, types and leaders do not decide whether a report is acceptable.
  [UnitRenamedV1, UnitReclassifiedV1, TeamRenamedV1, TeamLeaderAssignedV1],
);

/** Types this replica understands; others on its topics are dead-lettered as unknown. */
export const isReplicaType = router.isKnownType;

/** Applies a batch in the consumer's transaction; a message breaking its contract is retried, then dead-lettered. */
export const applyToReplica = router.handle;
