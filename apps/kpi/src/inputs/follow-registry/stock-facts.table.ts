// The working set of a batch of stock events (ADR 0026 §4): the teams, memberships, trained
// members and villages its events touch, loaded once, and what changed written back after.
import type { Tx } from '@nhip/event-sourcing';
import { villageKey, type StockFacts, type StockInput, type TeamFact } from '../../metrics/stock-facts.ts';

const pairKey = (teamId: string, memberId: string) => `${teamId}/${memberId}`;

export interface Loaded {
  readonly facts: StockFacts;
  /** Memberships as loaded, to write back only the difference. */
  readonly pairs: ReadonlySet<string>;
}

async function memberships(tx: Tx, column: 'team_id' | 'member_id', ids: readonly string[]) {
  const { rows } = await tx.query<{ team_id: string; member_id: string }>(
    `SELECT team_id, member_id FROM kpi_team_members WHERE ${column} = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

export async function loadStockFacts(tx: Tx, inputs: readonly StockInput[]): Promise<Loaded> {
  const teamIds = inputs.flatMap((i) => ('teamId' in i ? [i.teamId] : []));
  const ofTeams = await memberships(tx, 'team_id', teamIds);
  const memberIds = [
    ...new Set([
      ...inputs.flatMap((i) => ('memberId' in i ? [i.memberId] : [])),
      ...ofTeams.map((r) => r.member_id),
    ]),
  ];
  const pairs = [...ofTeams, ...(await memberships(tx, 'member_id', memberIds))];
  const { rows: teams } = await tx.query<{
    team_id: string;
    path: string[];
    tree_version: string;
    active: boolean;
  }>('SELECT team_id, path, tree_version, active FROM kpi_teams WHERE team_id = ANY($1::uuid[])', [
    [...new Set([...teamIds, ...pairs.map((p) => p.team_id)])],
  ]);
  const facts: StockFacts = {
    teams: new Map(),
    memberTeams: new Map(),
    trained: new Set(),
    villages: new Map(),
  };
  for (const t of teams)
    facts.teams.set(t.team_id, {
      path: t.path,
      treeVersion: t.tree_version,
      active: t.active,
      members: new Set(),
    });
  const seen = new Set<string>();
  for (const { team_id: teamId, member_id: memberId } of pairs) {
    if (seen.has(pairKey(teamId, memberId))) continue;
    seen.add(pairKey(teamId, memberId));
    facts.teams.get(teamId)?.members.add(memberId);
    facts.memberTeams.set(memberId, (facts.memberTeams.get(memberId) ?? new Set()).add(teamId));
  }
  const { rows: trained } = await tx.query<{ member_id: string }>(
    'SELECT member_id FROM kpi_trained_members WHERE member_id = ANY($1::uuid[])',
    [memberIds],
  );
  for (const t of trained) facts.trained.add(t.member_id);
  await loadVillages(tx, facts, inputs);
  return { facts, pairs: seen };
}

async function loadVillages(tx: Tx, facts: StockFacts, inputs: readonly StockInput[]): Promise<void> {
  const places = [...facts.teams.values(), ...inputs.flatMap((i) => ('path' in i ? [i] : []))];
  const [trees, codes] = [places.map((p) => p.treeVersion), places.map((p) => p.path.at(-1) ?? '')];
  const { rows } = await tx.query<{
    tree_version: string;
    code: string;
    path: string[];
    active_teams: number;
  }>(
    `SELECT tree_version, code, path, active_teams FROM kpi_villages
      WHERE (tree_version, code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [trees, codes],
  );
  for (const v of rows)
    facts.villages.set(villageKey(v.tree_version, v.code), { path: v.path, activeTeams: v.active_teams });
}

export async function saveStockFacts(tx: Tx, { facts, pairs }: Loaded): Promise<void> {
  const teams = [...facts.teams].map(([teamId, t]: [string, TeamFact]) => ({
    teamId,
    path: t.path,
    treeVersion: t.treeVersion,
    active: t.active,
  }));
  await tx.query(
    `INSERT INTO kpi_teams (team_id, path, tree_version, active)
     SELECT t."teamId", ARRAY(SELECT jsonb_array_elements_text(t.path)), t."treeVersion", t.active
       FROM jsonb_to_recordset($1::jsonb) AS t("teamId" uuid, path jsonb, "treeVersion" text, active boolean)
     ON CONFLICT (team_id) DO UPDATE
       SET active = EXCLUDED.active, path = EXCLUDED.path, tree_version = EXCLUDED.tree_version`,
    [JSON.stringify(teams)],
  );
  const now = new Set(
    [...facts.teams].flatMap(([teamId, t]) => [...t.members].map((m) => pairKey(teamId, m))),
  );
  const split = (keys: Iterable<string>) => [...keys].map((k) => k.split('/'));
  const removed = split([...pairs].filter((k) => !now.has(k)));
  const added = split([...now].filter((k) => !pairs.has(k)));
  await tx.query(
    `DELETE FROM kpi_team_members m USING jsonb_array_elements($1::jsonb) AS p
      WHERE m.team_id = (p->>0)::uuid AND m.member_id = (p->>1)::uuid`,
    [JSON.stringify(removed)],
  );
  await tx.query(
    `INSERT INTO kpi_team_members (team_id, member_id)
     SELECT (p->>0)::uuid, (p->>1)::uuid FROM jsonb_array_elements($1::jsonb) AS p ON CONFLICT DO NOTHING`,
    [JSON.stringify(added)],
  );
  await tx.query(
    'INSERT INTO kpi_trained_members (member_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING',
    [[...facts.trained]],
  );
  await saveVillages(tx, facts);
}

async function saveVillages(tx: Tx, facts: StockFacts): Promise<void> {
  const villages = [...facts.villages].map(([key, v]) => {
    const slash = key.indexOf('/');
    return {
      treeVersion: key.slice(0, slash),
      code: key.slice(slash + 1),
      path: v.path,
      activeTeams: v.activeTeams,
    };
  });
  await tx.query(
    `INSERT INTO kpi_villages (tree_version, code, path, active_teams)
     SELECT v."treeVersion", v.code, ARRAY(SELECT jsonb_array_elements_text(v.path)), v."activeTeams"
       FROM jsonb_to_recordset($1::jsonb) AS v("treeVersion" text, code text, path jsonb, "activeTeams" int)
     ON CONFLICT (tree_version, code) DO UPDATE SET active_teams = EXCLUDED.active_teams, path = EXCLUDED.path`,
    [JSON.stringify(villages)],
  );
}
