// member_personal_data and personal_data_audit: the only tables that hold names and phones, and
// the record of who touched them. Written by the use cases, in their command's transaction.
import type { Tx } from '@nhip/event-sourcing';
import type { RequestContext } from '@nhip/service-http';
import type pg from 'pg';

export interface PersonalData {
  readonly fullName: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
}

export interface PersonalDataView {
  readonly memberId: string;
  readonly fullName: string | null;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly erasedAt: string | null;
}

/** What was done to someone's personal data (the audit's `action`). */
export type AuditAction = 'create' | 'read' | 'erase' | 'lookup';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: string;
}

/** Who read or changed whose personal data, when and why (Law 91/2025 on personal data). */
export const recordAccess = (
  tx: Tx,
  memberId: string,
  action: Exclude<AuditAction, 'lookup'>,
  ctx: RequestContext & { reason?: string },
) =>
  tx.query(
    `INSERT INTO personal_data_audit (member_id, action, actor, reason, at) VALUES ($1, $2, $3, $4, $5)`,
    [memberId, action, ctx.actor, ctx.reason ?? null, ctx.now],
  );

export const insertPersonalData = (tx: Tx, memberId: string, data: PersonalData, at: Date) =>
  tx.query(
    `INSERT INTO member_personal_data (member_id, full_name, phone, birth_year, registered_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [memberId, data.fullName, data.phone, data.birthYear, at],
  );

export const blankPersonalData = (tx: Tx, memberId: string, at: Date) =>
  tx.query(
    `UPDATE member_personal_data SET full_name = NULL, phone = NULL, birth_year = NULL,
       erased_at = coalesce(erased_at, $2) WHERE member_id = $1`,
    [memberId, at],
  );

export async function personalDataOf(tx: Tx, memberId: string): Promise<PersonalDataView | undefined> {
  const { rows } = await tx.query<PersonalDataView>(
    `SELECT member_id AS "memberId", full_name AS "fullName", phone, birth_year AS "birthYear",
       erased_at AS "erasedAt" FROM member_personal_data WHERE member_id = $1`,
    [memberId],
  );
  return rows[0];
}

export async function personalDataAudit(db: Pick<pg.Pool, 'query'>, memberId: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `SELECT action, actor, reason, at FROM personal_data_audit WHERE member_id = $1 ORDER BY id`,
    [memberId],
  );
  return rows;
}

export async function memberExists(tx: Tx, memberId: string): Promise<boolean> {
  const { rowCount } = await tx.query('SELECT 1 FROM member_personal_data WHERE member_id = $1', [memberId]);
  return rowCount === 1;
}

/** Where the member works: the tree version and unit path of each team they are in now. */
export async function memberPlacements(
  db: Pick<pg.Pool, 'query'>,
  memberId: string,
): Promise<{ treeVersion: string; path: string[] }[]> {
  const { rows } = await db.query<{ treeVersion: string; path: string[] }>(
    `SELECT t.tree_version AS "treeVersion", t.unit_path AS path
     FROM rm_team_members m JOIN rm_teams t USING (team_id) WHERE m.member_id = $1`,
    [memberId],
  );
  return rows;
}

/** memberPlacements for many members at once: one row per (member, team they are in). */
export async function membersPlacements(
  db: Pick<pg.Pool, 'query'>,
  memberIds: readonly string[],
): Promise<{ memberId: string; treeVersion: string; path: string[] }[]> {
  const { rows } = await db.query<{ memberId: string; treeVersion: string; path: string[] }>(
    `SELECT m.member_id AS "memberId", t.tree_version AS "treeVersion", t.unit_path AS path
     FROM rm_team_members m JOIN rm_teams t USING (team_id) WHERE m.member_id = ANY($1::uuid[])`,
    [memberIds],
  );
  return rows;
}
