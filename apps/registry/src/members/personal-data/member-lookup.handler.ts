// Finding members by phone number for another service (training's completion lists): only member
// ids leave, never a name or a number, and every member found is audited with the caller's reason.
import { normalisePhone } from '@nhip/contracts';
import { inTransaction } from '@nhip/event-sourcing';
import type { RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { membersByPhone, recordLookups } from './member-lookup.queries.ts';

export type LookupResult =
  { readonly memberId: string } | { readonly memberId: null; readonly match: 'none' | 'several' };

export interface LookupRequest {
  readonly phones: readonly string[];
  readonly reason: string;
  readonly ctx: RequestContext;
  /** Of the members found, those the caller may know of; the others are answered as not found. */
  readonly within: (memberIds: readonly string[]) => Promise<ReadonlySet<string>>;
}

export async function lookUpMembers(
  pool: pg.Pool,
  { phones, reason, ctx, within }: LookupRequest,
): Promise<{ results: LookupResult[] }> {
  const normalised = phones.map((p) => normalisePhone(p) ?? '');
  return inTransaction(pool, async (tx) => {
    const everyone = await membersByPhone(tx, [...new Set(normalised)]);
    const visible = await within([...new Set([...everyone.values()].flat())]);
    const results = normalised.map((phone): LookupResult => {
      const ids = (everyone.get(phone) ?? []).filter((id) => visible.has(id));
      if (ids.length === 1 && ids[0]) return { memberId: ids[0] };
      return { memberId: null, match: ids.length === 0 ? 'none' : 'several' };
    });
    const matched = [...new Set(results.flatMap((r) => (r.memberId ? [r.memberId] : [])))];
    if (matched.length > 0) await recordLookups(tx, matched, { ...ctx, reason });
    return { results };
  });
}
