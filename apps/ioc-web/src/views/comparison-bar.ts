// A per-cent indicator against its comparison lines (national average, national target, …) as a
// bar an operator reads at a glance: the value as a bar, each line as a tick, on a scale that
// reaches 100 % or the largest of them when one goes beyond (134.54 % of a target).
import type { ComparisonLine, Indicator } from '../api/types.ts';
import { currentLang, formatValue, t } from '../i18n/i18n.ts';

/**
 * The lines a tile compares with: national ones hold for every unit. A local target in the catalog
 * is one place's (the brief's Thanh Khê Đông ward) and names no unit, so it is not drawn on every
 * unit's tile; a unit's own targets arrive as assigned targets and show as its target instead.
 */
export const shownComparisons = (indicator: Pick<Indicator, 'comparisons'>): readonly ComparisonLine[] =>
  (indicator.comparisons ?? []).filter((line) => line.kind !== 'local-target');

export interface BulletGeometry {
  /** Where the value's bar ends, 0–1 of the width; null without a value. */
  readonly bar: number | null;
  /** Each line's tick, 0–1 of the width, in the order given. */
  readonly ticks: readonly number[];
}

export function bulletGeometry(value: number | null, lines: readonly ComparisonLine[]): BulletGeometry {
  const top = Math.max(100, value ?? 0, ...lines.map((l) => l.value));
  const at = (x: number) => Math.min(1, Math.max(0, x / top));
  return { bar: value === null ? null : at(value), ticks: lines.map((l) => at(l.value)) };
}

/** A line as every view names it: "Bình quân cả nước", "75,00%" and where that comes from. */
export const comparisonParts = (
  line: ComparisonLine,
  indicator: Pick<Indicator, 'unit'>,
): { readonly line: string; readonly value: string; readonly source: string } => ({
  line: t(`comparison.${line.kind}`),
  value: formatValue(line.value, indicator.unit, 2),
  // A KPI service older than `sourceName` gave the English text only.
  source: line.sourceName?.[currentLang()] ?? line.source,
});

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>) => {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

const percentOf = (x: number) => `${(x * 100).toFixed(2)}%`;
// A tick at 0 % or 100 % would be half outside the drawing: the scale runs over its inner 98 %,
// the value's bar on the same scale, so a value equal to a line ends on its tick.
const onScale = (x: number) => percentOf(0.01 + x * 0.98);

/** Draws (or redraws, when the value changes) the bar in `host`; nothing for a count or no lines. */
export function drawBullet(host: Element, indicator: Indicator): void {
  const lines = shownComparisons(indicator);
  if (indicator.unit !== 'percent' || lines.length === 0) {
    host.replaceChildren();
    return;
  }
  const { bar, ticks } = bulletGeometry(indicator.value, lines);
  // The value and the lines are written beside it: the drawing adds nothing for a screen reader.
  const chart = svg('svg', { width: '100%', height: '12', 'aria-hidden': 'true' });
  chart.append(svg('rect', { x: '0', y: '3', width: '100%', height: '6', fill: '#e3e8ef', rx: '2' }));
  if (bar !== null)
    chart.append(svg('rect', { x: '0', y: '3', width: onScale(bar), height: '6', fill: '#0b5cad', rx: '2' }));
  ticks.forEach((x, i) => {
    const tick = svg('line', {
      x1: onScale(x),
      x2: onScale(x),
      y1: '0',
      y2: '12',
      stroke: '#b3261e',
      'stroke-width': '2',
    });
    const title = svg('title', {});
    const parts = lines[i] && comparisonParts(lines[i], indicator);
    title.textContent = parts ? `${parts.line} ${parts.value} (${parts.source})` : '';
    tick.append(title);
    chart.append(tick);
  });
  host.replaceChildren(chart);
}
