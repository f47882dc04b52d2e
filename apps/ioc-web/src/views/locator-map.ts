// Below the province there are no outlines of communes or villages (ADR 0030), so a district's,
// a commune's or a village's page showed an empty map panel ("no map for this level"), half of a
// district OC's wall. It now shows where the unit lies: its province's map, the 2024 district it
// is in (or is, or, for a 2025 commune, mostly came from) filled, the other districts a commune
// made across districts took communes from filled lighter, the rest left pale, with the unit's own
// figure for the chosen indicator.
import type { ECharts } from 'echarts/core';
import { echarts } from '../charts.ts';
import type { Indicator, Summary } from '../api/types.ts';
import { formatList, formatValue, t } from '../i18n/i18n.ts';
import { decimalsOf, nameOf } from './indicator-text.ts';
import { drawMap, provinceMap, type ProvinceMap } from './map.ts';

/**
 * The province's map a unit below it is drawn on: the first of its ancestors (in its own tree), or
 * undefined for a province or a unit whose ancestors the summary does not name.
 */
export const provinceOf = (summary: Summary): { code: string; name: string } | undefined =>
  summary.ancestors?.[0];

/** Where a unit lies on its province's map. */
export interface Located {
  /** Filled: the region holding it, or the districts a 2025 commune took most of its communes from. */
  readonly regions: readonly string[];
  /** Filled lighter: the other districts that commune took fewer of its former communes from. */
  readonly partly: readonly string[];
  /** The commune those districts are about, when the unit is one of its villages. */
  readonly commune?: { readonly code: string; readonly name: string };
}

/**
 * The region of the province's map holding the unit: the nearest of itself and its ancestors below
 * the province that is a region (a 2024 district), else the districts a 2025 commune came from. A
 * region is looked for first: a 2024 commune may bear the code of a 2025 commune placed elsewhere.
 */
export function locate(map: ProvinceMap, summary: Summary): Located | undefined {
  const regions = new Set(map.districts.features.map((f) => f.properties.code));
  const nearestFirst = [summary.unit, ...(summary.ancestors ?? []).slice(1).reverse()];
  const region = nearestFirst.find((unit) => regions.has(unit.code));
  if (region) return { regions: [region.code], partly: [] };
  for (const unit of nearestFirst) {
    const located = communeOrigin(map, regions, unit.code);
    if (!located) continue;
    return madeAcross(located) && unit !== summary.unit
      ? { ...located, commune: { code: unit.code, name: unit.name } }
      : located;
  }
  return undefined;
}

/** A commune made from communes of several districts: more than one region to fill or name. */
const madeAcross = (located: Located): boolean => located.regions.length > 1 || located.partly.length > 0;

/**
 * The districts a 2025 commune came from, on this map: the ones it took most of its former
 * communes from filled (more than one on a tie), the others lighter.
 */
function communeOrigin(map: ProvinceMap, regions: ReadonlySet<string>, code: string): Located | undefined {
  const district = map.communeDistrict[code];
  if (district === undefined || !regions.has(district)) return undefined;
  const shares = (map.communeParts?.[code] ?? []).filter((s) => regions.has(s.district));
  const most = shares[0]?.communes;
  if (most === undefined) return { regions: [district], partly: [] };
  return {
    regions: shares.filter((s) => s.communes === most).map((s) => s.district),
    partly: shares.filter((s) => s.communes !== most).map((s) => s.district),
  };
}

const ownFigure = (indicator: Indicator): string =>
  indicator.value === null ? '—' : formatValue(indicator.value, indicator.unit, decimalsOf(indicator));

function drawLocator(
  chart: ECharts,
  map: ProvinceMap,
  summary: Summary,
  [indicator, province, located]: [Indicator, { code: string; name: string }, Located],
): void {
  const key = `${summary.unit.treeVersion}/${province.code}`;
  echarts.registerMap(key, map.districts as never);
  const label = `${summary.unit.name}: ${ownFigure(indicator)}`;
  const part = t('mapLocatorPart', { unit: located.commune?.name ?? summary.unit.name });
  chart.setOption(
    {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { label: string } }) => p.data?.label ?? '',
      },
      series: [
        {
          type: 'map',
          map: key,
          nameProperty: 'code',
          data: [
            ...located.regions.map((name) => ({ name, label, itemStyle: { areaColor: '#2166ac' } })),
            // Not the unit's figure: the district holds only a part of it.
            ...located.partly.map((name) => ({ name, label: part, itemStyle: { areaColor: '#92c5de' } })),
          ],
          roam: false,
          itemStyle: { borderColor: '#999', areaColor: '#f2f2f2' },
          emphasis: { label: { show: false } },
        },
      ],
    },
    true,
  );
}

export interface PageMap {
  readonly draw: (chart: ECharts) => void;
  /** Said under the map: what a locator shows (empty for a province's own map, whose scale says it). */
  readonly caption: string;
}

/**
 * A province of the 2025 tree is drawn in the 2024 districts' outlines, the only ones there are: said
 * under the map, or an operator reads "Huyện Krông Năng" on a tooltip beside a table of communes.
 */
export const provinceCaption = (map: ProvinceMap, summary: Summary): string =>
  summary.children.some((child) => map.communeDistrict[child.code] !== undefined)
    ? t('mapFormerDistricts')
    : '';

/**
 * How the page's map draws the summary for the chosen indicator: a province coloured by its
 * districts, a unit below it located on its province's map; undefined when there is nothing to draw.
 */
export async function pageMap(summary: Summary, indicatorId: string): Promise<PageMap | undefined> {
  const indicator = summary.indicators.find((i) => i.id === indicatorId);
  const province = provinceOf(summary);
  const map = await provinceMap(summary.unit.treeVersion, province?.code ?? summary.unit.code);
  if (!map || !indicator) return undefined;
  if (!province)
    return {
      draw: (chart) => drawMap(chart, map, summary, indicator),
      caption: provinceCaption(map, summary),
    };
  const located = locate(map, summary);
  if (located === undefined) return undefined;
  return {
    draw: (chart) => drawLocator(chart, map, summary, [indicator, province, located]),
    caption: locatorCaption(map, summary, [indicator, province, located]),
  };
}

const regionName = (map: ProvinceMap, code: string): string =>
  map.districts.features.find((f) => f.properties.code === code)?.properties.name ?? code;

/** What the locator shows, in words: the unit, the map, its figure, and the districts it came from. */
export function locatorCaption(
  map: ProvinceMap,
  summary: Summary,
  [indicator, province, located]: [Indicator, { code: string; name: string }, Located],
): string {
  const caption = t('mapLocator', {
    unit: summary.unit.name,
    province: province.name,
    indicator: nameOf(indicator),
    value: ownFigure(indicator),
  });
  if (!madeAcross(located)) return caption;
  const names = (codes: readonly string[]) => formatList(codes.map((code) => regionName(map, code)));
  const from = [
    t(located.regions.length === 1 ? 'mapLocatorMostly' : 'mapLocatorEqually', {
      districts: names(located.regions),
    }),
    ...(located.partly.length > 0 ? [t('mapLocatorPartly', { districts: names(located.partly) })] : []),
  ].join(', ');
  // A village lies in one former commune: what it came from is its commune's, named as such.
  return `${caption} · ${located.commune ? `${located.commune.name}: ${from}` : from}`;
}
