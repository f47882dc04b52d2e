// Members found by phone number, whichever way it was saved (0… or +84…), and the audit of every
// match: a look-up reveals whose number it is, so it is recorded like a read of personal data.
import type { Tx } from '@nhip/event-sourcing';
import type { RequestContext } from '@nhip/service-http';

/** Phone (as 0…) → the members registered with it; erased members have no phone any more. */
export async function membersByPhone(tx: Tx, phones: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await tx.query<{ phone: string; memberIds: string[] }>(
    `SELECT n.phone, array_agg(p.member_id::text ORDER BY p.member_id) AS "memberIds"
     FROM unnest($1::text[]) AS n(phone)
     JOIN member_personal_data p ON regexp_replace(p.phone, '^\\+84', '0') = n.phone
     GROUP BY n.phone`,
    [phones],
  );
  return new Map(rows.map((r) => [r.phone, r.memberIds]));
}

export const recordLookups = (
  tx: Tx,
  memberIds: readonly string[],
  ctx: RequestContext & { reason: string },
) =>
  tx.query(
    `INSERT INTO personal_data_audit (member_id, action, actor, reason, at)
     SELECT m, 'lookup', $2, $3, $4 FROM unnest($1::uuid[]) AS m`,
    [memberIds, ctx.actor, ctx.reason, ctx.now],
  );
