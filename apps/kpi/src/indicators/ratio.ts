// Indicator values are computed exactly and rounded once, half up, to the decimals shown: the
// domain brief's "13,387 / 9,950 = 134.47 %" is 134.54 % here, and the explanation can show why.
// Counts fit in a double exactly (< 2^53), so BigInt arithmetic on them loses nothing.

export interface Ratio {
  /** The value rounded to `decimals`, as a number for sorting and charts. */
  readonly value: number;
  /** The same value as written with its decimals ("134.54"), for explanations and exports. */
  readonly exact: string;
}

function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  // Half up, away from zero for negative values (a correction can make a delta negative).
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * numerator / denominator × scale (100 for a percentage), rounded half up to `decimals`; undefined
 * when the denominator is 0 (no target assigned, no statistic yet): a value of 0 would be a lie.
 */
export function ratio(numerator: number, denominator: number, scale = 100, decimals = 2): Ratio | undefined {
  if (denominator === 0) return undefined;
  if (![numerator, denominator, scale].every(Number.isSafeInteger)) {
    throw new RangeError(`ratio of non-integers: ${numerator} / ${denominator} × ${scale}`);
  }
  const unit = 10n ** BigInt(decimals);
  const scaled = roundedQuotient(BigInt(numerator) * BigInt(scale) * unit, BigInt(denominator));
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const exact =
    decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return { value: Number(exact), exact };
}
