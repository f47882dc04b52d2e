/** All partitions' lag added up: what "has this group caught up?" asks. */
export function totalLag(lag: ReadonlyMap<string, readonly bigint[]>): bigint {
  let total = 0n;
  for (const partitions of lag.values()) for (const n of partitions) total += n;
  return total;
}
