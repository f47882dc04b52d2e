// Rank among siblings, as operators read a league table: 1 is the best by the indicator's direction,
// ties share a rank and the next rank skips (1, 2, 2, 4), units without a value are not ranked.

export interface Ranked {
  readonly unitCode: string;
  readonly rank: number | undefined;
}

export function rankSiblings(
  values: readonly { readonly unitCode: string; readonly value: number | undefined }[],
  direction: 'higher-is-better' | 'lower-is-better',
): Ranked[] {
  const sign = direction === 'higher-is-better' ? -1 : 1;
  const valued = values.filter((v): v is { unitCode: string; value: number } => v.value !== undefined);
  const ranks = new Map<string, number>();
  for (const { unitCode, value } of valued) {
    ranks.set(unitCode, 1 + valued.filter((other) => sign * (other.value - value) < 0).length);
  }
  return values.map(({ unitCode }) => ({ unitCode, rank: ranks.get(unitCode) }));
}
