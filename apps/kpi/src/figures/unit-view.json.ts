// The drill-down's JSON, written from pieces encoded once (ADR 0033). About 70 % of its bytes are
// the catalog's names (Vietnamese and English) and comparison lines, repeated for the unit and for
// each of its children: serialising and UTF-8-encoding them again on every request cost more than
// the database read. Here each indicator's fixed part is a Buffer made at start, and only the
// figures are written per request. The members are those of `IndicatorView`, in another order;
// with `fields=figures` the fixed part is left out (onlyFigures' document).
import { indicatorCatalog } from '../indicators/catalog.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import type { IndicatorView, UnitIndicators } from './unit-view.ts';

const keyOf = (id: string, version: number) => `${id}@${version}`;

/** `,"name":…,"unit":…,"comparisons":…}`: what an indicator's view shares with every other unit's. */
const fixedPart = (d: Pick<IndicatorDefinition, 'name' | 'unit' | 'comparisons'>): Buffer =>
  Buffer.from(
    `,"name":${JSON.stringify(d.name)},"unit":${JSON.stringify(d.unit)},"comparisons":${JSON.stringify(d.comparisons)}}`,
  );

const fixedParts = new Map(indicatorCatalog.map((d) => [keyOf(d.id, d.version), fixedPart(d)]));

/** A figure as JSON.stringify writes it (a non-finite number is null). */
const figure = (v: number | string | null): string =>
  v === null ? 'null' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'null') : JSON.stringify(v);

/** Figures only: the text goes on; otherwise it is cut where each indicator's catalog part goes. */
function writeIndicators(
  list: readonly IndicatorView[],
  out: Buffer[],
  head: string,
  figuresOnly: boolean,
): string {
  let text = `${head}[`;
  list.forEach((v, i) => {
    text += `${i === 0 ? '' : ','}{"id":${JSON.stringify(v.id)},"version":${v.version},"value":${figure(v.value)},"exact":${figure(v.exact)},"numerator":${figure(v.numerator)},"denominator":${figure(v.denominator)},"target":${figure(v.target)},"attainment":${figure(v.attainment)},"rank":${figure(v.rank)},"missing":${figure(v.missing)}`;
    if (figuresOnly) {
      text += '}';
      return;
    }
    out.push(Buffer.from(text));
    out.push(fixedParts.get(keyOf(v.id, v.version)) ?? fixedPart(v));
    text = '';
  });
  return `${text}]`;
}

/**
 * The same document `JSON.stringify(view)` gives (members in another order), as bytes; with
 * `figuresOnly`, the one `JSON.stringify(onlyFigures(view))` gives.
 */
export function unitIndicatorsJson(view: UnitIndicators, figuresOnly = false): Buffer {
  const out: Buffer[] = [];
  let text = writeIndicators(
    view.indicators,
    out,
    `{"unit":${JSON.stringify(view.unit)},"period":${JSON.stringify(view.period)},"knownAt":${figure(view.knownAt)},"indicators":`,
    figuresOnly,
  );
  text += `,"successorsIn":${figure(view.successorsIn)},"children":[`;
  view.children.forEach((child, i) => {
    const head = `${text}${i === 0 ? '' : ','}{"code":${JSON.stringify(child.code)},"name":${JSON.stringify(child.name)},"indicators":`;
    text = `${writeIndicators(child.indicators, out, head, figuresOnly)}}`;
  });
  out.push(Buffer.from(`${text}]}`));
  return Buffer.concat(out);
}
