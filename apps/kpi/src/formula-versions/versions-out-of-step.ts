// A value published with another formula version than the one recorded for its indicator means the
// record no longer holds: during a rolling deploy, an instance still on the previous catalog
// publishing after a new one recorded its version (or the reverse). The record is dropped as the
// value is written, and the next check of any instance publishes the indicator's values again
// (ADR 0063).

/**
 * A data-modifying CTE for the statement that writes published values, given the indicators and
 * versions written as `$2` and `$3` (`versionsWritten`): one statement, no round trip of its own on
 * the consumers' path.
 */
export const forgetVersionsOutOfStep = `forgotten AS (
  DELETE FROM kpi_published_versions r USING unnest($2::text[], $3::int[]) AS w(indicator_id, version)
   WHERE r.indicator_id = w.indicator_id AND r.version <> w.version)`;

/** The distinct (indicator, version) pairs of the values written, as `forgetVersionsOutOfStep` takes them. */
export function versionsWritten(
  values: readonly { readonly indicatorId: string; readonly version: number }[],
): [ids: string[], versions: number[]] {
  const pairs = [...new Map(values.map((v) => [`${v.indicatorId}@${v.version}`, v])).values()];
  return [pairs.map((v) => v.indicatorId), pairs.map((v) => v.version)];
}
