// A value published with another formula version than the one recorded for its indicator means the
// record no longer holds: during a rolling deploy, an instance still on the previous catalog
// publishing after a new one recorded its version (or the reverse). The record is dropped in the same
// transaction, and the next check of any instance publishes the indicator's values again (ADR 0063).
import type { Tx } from '@nhip/event-sourcing';

export async function forgetVersionsOutOfStep(
  tx: Tx,
  published: readonly { readonly indicatorId: string; readonly version: number }[],
): Promise<void> {
  const versions = new Map(published.map((v) => [`${v.indicatorId}@${v.version}`, v]));
  if (versions.size === 0) return;
  const pairs = [...versions.values()];
  await tx.query(
    `DELETE FROM kpi_published_versions r USING unnest($1::text[], $2::int[]) AS p(id, version)
      WHERE r.indicator_id = p.id AND r.version <> p.version`,
    [pairs.map((v) => v.indicatorId), pairs.map((v) => v.version)],
  );
}
