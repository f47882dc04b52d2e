// Which indicators a changed input can move: those that read it as their numerator or denominator.
// An activity changes one or two of the catalog's 21 (its kind's residents helped, and the kind's
// target where there is one), so a batch publishes those, not the whole catalog of every unit it
// touched (ADR 0062).
import { indicatorCatalog } from './catalog.ts';
import type { IndicatorDefinition } from './indicator.ts';

/** An input as an operand names it; any string, so a statistic's id from a request needs no cast. */
export type Input =
  { readonly metric: string } | { readonly statistic: string } | { readonly target: string };

const keyOf = (operand: Input): string =>
  'metric' in operand
    ? `metric:${operand.metric}`
    : 'statistic' in operand
      ? `statistic:${operand.statistic}`
      : `target:${operand.target}`;

const readersOf = (catalog: readonly IndicatorDefinition[]): Map<string, IndicatorDefinition[]> => {
  const readers = new Map<string, IndicatorDefinition[]>();
  for (const definition of catalog) {
    const operands = [definition.numerator, definition.denominator].filter((o) => o !== undefined);
    for (const key of new Set(operands.map(keyOf)))
      readers.set(key, [...(readers.get(key) ?? []), definition]);
  }
  return readers;
};

const catalogReaders = readersOf(indicatorCatalog);

/** The catalog's indicators that read `input`, in the catalog's order; none for an input no indicator reads. */
export function indicatorsReading(input: Input): readonly IndicatorDefinition[] {
  return catalogReaders.get(keyOf(input)) ?? [];
}

/**
 * The indicators among `asked`, in the catalog's order; the catalog itself when that is all of it,
 * so a read of every indicator is still recognised as one (figures.queries.ts lists its inputs once).
 */
export function inCatalogOrder(asked: ReadonlySet<IndicatorDefinition>): readonly IndicatorDefinition[] {
  if (asked.size === indicatorCatalog.length) return indicatorCatalog;
  return indicatorCatalog.filter((d) => asked.has(d));
}
