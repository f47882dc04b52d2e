// The registry's public events: the unit trees (names, children, paths) and the stocks they change
// (villages, active teams, active members), applied as one working set per batch (ADR 0026 §4).
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
import { on, routeEvents, type IncomingEvent, type Tx } from '@nhip/event-sourcing';
import { recordBatch } from '../../ledger/record-batch.ts';
import { applyStockEvent, type StockInput } from '../../metrics/registry-stocks.ts';
import { activeTeamsAt, addUnit, moveUnit, villagePath } from './kpi-units.projection.ts';
import { loadStockFacts, saveStockFacts } from './stock-facts.table.ts';

type Push = (input: StockInput) => void;
const now = (e: IncomingEvent) => e.time ?? new Date().toISOString();

function unitRoutes(push: Push) {
  return [
    on(UnitTreeOpenedV1, (d, tx) =>
      tx.query(
        'INSERT INTO kpi_unit_trees (tree_version, effective_from) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [d.treeVersion, d.effectiveFrom],
      ),
    ),
    on(UnitAddedV1, async (d, tx, e) => {
      const path = await addUnit(d, tx);
      if (!path || d.origin !== 'local') return;
      const activeTeams = await activeTeamsAt(tx, d.treeVersion, d.code);
      const at = { eventId: e.id, recordedAt: now(e) };
      push({ type: 'village-registered', treeVersion: d.treeVersion, path, activeTeams, ...at });
    }),
    on(UnitMovedV1, moveUnit),
    on(UnitRenamedV1, (d, tx) =>
      tx.query('UPDATE kpi_units SET name = $3 WHERE tree_version = $1 AND code = $2', [
        d.treeVersion,
        d.code,
        d.name,
      ]),
    ),
    on(UnitLineageRecordedV1, (d, tx) =>
      tx.query(
        `INSERT INTO kpi_unit_lineage (tree_version, code, predecessor_tree_version, predecessor_code, relation)
         SELECT $1, $2, p."treeVersion", p.code, p.relation
           FROM jsonb_to_recordset($3::jsonb) AS p("treeVersion" text, code text, relation text)
         ON CONFLICT DO NOTHING`,
        [d.treeVersion, d.code, JSON.stringify(d.predecessors)],
      ),
    ),
    on(UnitRetiredV1, async (d, tx, e) => {
      // A village taken over by a later tree's keeps its name for the periods it counted in.
      const path = await villagePath(tx, d.treeVersion, d.code);
      const at = { eventId: e.id, recordedAt: now(e) };
      if (path) return push({ type: 'village-retired', treeVersion: d.treeVersion, path, ...at });
      await tx.query('DELETE FROM kpi_units WHERE tree_version = $1 AND code = $2', [d.treeVersion, d.code]);
    }),
  ];
}

const placeOf = (d: { treeVersion: string; unitPath: string[] }) => ({
  treeVersion: d.treeVersion,
  path: d.unitPath,
});

function teamRoutes(push: Push) {
  const at = (e: IncomingEvent) => ({ eventId: e.id, recordedAt: now(e) });
  const collect = (input: StockInput) => Promise.resolve(push(input));
  return [
    on(TeamRegisteredV1, (d, _tx, e) =>
      collect({ type: 'team-registered', teamId: d.teamId, ...placeOf(d), ...at(e) }),
    ),
    on(TeamMemberAddedV1, (d, _tx, e) =>
      collect({ type: 'member-added', teamId: d.teamId, memberId: d.memberId, ...at(e) }),
    ),
    on(TeamMemberRemovedV1, (d, _tx, e) =>
      collect({ type: 'member-removed', teamId: d.teamId, memberId: d.memberId, ...at(e) }),
    ),
    on(TeamSuspendedV1, (d, _tx, e) => collect({ type: 'team-suspended', teamId: d.teamId, ...at(e) })),
    on(TeamReinstatedV1, (d, _tx, e) => collect({ type: 'team-reinstated', teamId: d.teamId, ...at(e) })),
    on(TeamDissolvedV1, (d, _tx, e) => collect({ type: 'team-dissolved', teamId: d.teamId, ...at(e) })),
    on(TeamMovedV1, (d, _tx, e) =>
      collect({ type: 'team-moved', teamId: d.teamId, ...placeOf(d), ...at(e) }),
    ),
  ];
}

const routerFor = (push: Push) =>
  routeEvents(
    [...unitRoutes(push), ...teamRoutes(push)],
    // Types of units, names of teams and leaders count nothing.
    [UnitReclassifiedV1, TeamRenamedV1, TeamLeaderAssignedV1],
  );

export const isRegistryType = routerFor(() => undefined).isKnownType;

/** Applies stock inputs to their working set and records the deltas; shared with training input. */
export async function applyStocks(tx: Tx, inputs: readonly StockInput[], cause: string): Promise<void> {
  if (inputs.length === 0) return;
  const loaded = await loadStockFacts(tx, inputs);
  const deltas = inputs.flatMap((input) => applyStockEvent(loaded.facts, input));
  await saveStockFacts(tx, loaded);
  await recordBatch(tx, deltas, cause);
}

export async function followRegistry(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const inputs: StockInput[] = [];
  await routerFor((input) => inputs.push(input)).handle(events, tx);
  await applyStocks(tx, inputs, events[0]?.id ?? 'empty');
}
