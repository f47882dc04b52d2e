// The province coloured by the chosen indicator. Regions are the 2024 districts (the only outlines
// there are); in the 2025 tree each district shows the communes that came mostly from it, their
// numerators and denominators summed, so a merged province has a map too (ADR 0030).
import type { ECharts } from 'echarts/core';
import { echarts } from '../charts.ts';
import type { ChildUnit, Indicator, Summary } from '../api/types.ts';
import { formatValue } from '../i18n/i18n.ts';
import { decimalsOf } from './indicator-text.ts';

export interface ProvinceMap {
  readonly districts: { features: { properties: { code: string; name: string } }[] };
  readonly outline: unknown;
  readonly communeDistrict: Readonly<Record<string, string>>;
  /**
   * Every 2024 district a 2025 commune made across districts took former communes from, with how
   * many, most first (absent from a map built before it was kept).
   */
  readonly communeParts?: Readonly<
    Record<string, readonly { readonly district: string; readonly communes: number }[]>
  >;
}

const loaded = new Map<string, Promise<ProvinceMap | undefined>>();

export function provinceMap(treeVersion: string, code: string): Promise<ProvinceMap | undefined> {
  const key = `${treeVersion}/${code}`;
  if (!/^vn-\d{4}\/\d{2}$/.test(key)) return Promise.resolve(undefined);
  const map =
    loaded.get(key) ??
    fetch(`geo/${key}.json`).then((r) => (r.ok ? (r.json() as Promise<ProvinceMap>) : undefined));
  loaded.set(key, map);
  return map;
}

interface Sum {
  numerator: number;
  denominator: number;
  any: boolean;
}

function sumsByDistrict(map: ProvinceMap, children: readonly ChildUnit[], id: string): Map<string, Sum> {
  const sums = new Map<string, Sum>();
  for (const child of children) {
    const district = map.communeDistrict[child.code] ?? child.code;
    const sum = sums.get(district) ?? { numerator: 0, denominator: 0, any: false };
    const v = child.indicators.find((i) => i.id === id);
    if (v && v.numerator !== null) {
      sum.numerator += v.numerator;
      sum.denominator += v.denominator ?? 0;
      sum.any = true;
    }
    sums.set(district, sum);
  }
  return sums;
}

function valueOf(sum: Sum, unit: Indicator['unit']): number | null {
  if (!sum.any) return null;
  if (unit === 'count') return sum.numerator;
  if (sum.denominator === 0) return null;
  return (sum.numerator / sum.denominator) * (unit === 'percent' ? 100 : 1);
}

/** Each district's value: a 2024 child as it is, or the 2025 communes placed in it, summed. */
export function districtValues(
  map: ProvinceMap,
  children: readonly ChildUnit[],
  indicator: Indicator,
): Map<string, number | null> {
  const sums = sumsByDistrict(map, children, indicator.id);
  return new Map([...sums].map(([code, sum]) => [code, valueOf(sum, indicator.unit)]));
}

/**
 * The colour scale's ends: the lowest and the highest district, so laggards are red and leaders
 * blue however close together they are. Anchored at zero, a province whose districts all lay
 * between 24 % and 63 % was drawn in the scale's pale middle, most of it the same grey.
 */
export function colourRange(values: readonly number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const [min, max] = [Math.min(...values), Math.max(...values)];
  // One value (or all alike): in the scale's neutral middle, neither laggard nor leader.
  return max > min ? { min, max } : { min: min - 1, max: max + 1 };
}

/** The legend's figures, highest first as ECharts lays them; one figure (or all alike) said once. */
const legendEnds = (numbers: readonly number[], format: (v: number) => string): [string, string] => {
  if (numbers.length === 0) return ['', ''];
  const [high, low] = [format(Math.max(...numbers)), format(Math.min(...numbers))];
  return high === low ? [high, ''] : [high, low];
};

export function drawMap(chart: ECharts, map: ProvinceMap, summary: Summary, indicator: Indicator): void {
  const key = `${summary.unit.treeVersion}/${summary.unit.code}`;
  echarts.registerMap(key, map.districts as never);
  const values = districtValues(map, summary.children, indicator);
  const data = map.districts.features.map((f) => ({
    name: f.properties.code,
    label: f.properties.name,
    value: values.get(f.properties.code) ?? null,
  }));
  const numbers = data.flatMap((d) => (d.value === null ? [] : [d.value]));
  const format = (v: number) => formatValue(v, indicator.unit, decimalsOf(indicator));
  chart.setOption(
    {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { label: string; value: number | null } }) =>
          p.data ? `${p.data.label}: ${p.data.value === null ? '—' : format(p.data.value)}` : '',
      },
      visualMap: {
        ...colourRange(numbers),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        // The scale's ends as figures (highest first, as ECharts lays them): without them the legend
        // said which way is better but not from what to what.
        text: legendEnds(numbers, format),
        inRange: { color: ['#b2182b', '#fddbc7', '#d1e5f0', '#2166ac'] },
        formatter: (v: number) => format(v),
      },
      series: [
        {
          type: 'map',
          map: key,
          nameProperty: 'code',
          data,
          roam: false,
          itemStyle: { borderColor: '#555', areaColor: '#eee' },
          emphasis: { label: { show: false } },
        },
      ],
    },
    true,
  );
}
