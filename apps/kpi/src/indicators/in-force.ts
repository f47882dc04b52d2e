// A changed formula is a new version of its indicator (ADR 0026): the catalog keeps every version it
// ever shipped, so a value recorded with an older one can still be explained, and computes with the
// newest of each, the one in force (ADR 0063).
import type { IndicatorDefinition } from './indicator.ts';

/** The newest version of each indicator, in the order the ids first appear. */
export function inForce(versions: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  const newest = new Map<string, IndicatorDefinition>();
  for (const definition of versions) {
    const seen = newest.get(definition.id);
    if (!seen || definition.version > seen.version) newest.set(definition.id, definition);
  }
  return [...newest.values()];
}

/** The versions a newer one replaced, in the catalog's order. */
export function superseded(versions: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  const current = new Set(inForce(versions));
  return versions.filter((d) => !current.has(d));
}
