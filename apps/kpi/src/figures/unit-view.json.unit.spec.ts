import { describe, expect, it } from '@jest/globals';
import { evaluateUnits } from './indicator-values.ts';
import { drillDownView, onlyFigures } from './unit-view.ts';
import { unitIndicatorsJson } from './unit-view.json.ts';
import { parsePeriod } from '../periods/period.ts';
import type { TreeUnit } from './tree.queries.ts';

const unit = (code: string, name: string, parentCode: string | null): TreeUnit => ({
  treeVersion: '2024',
  code,
  name,
  parentCode,
  path: parentCode ? [parentCode, code] : [code],
});

describe('the drill-down written from pre-encoded pieces', () => {
  it('is the document JSON.stringify writes, figures, names and nulls alike', () => {
    const figures = {
      metrics: [
        { unit: '48', id: 'residents_helped.vneid_activation', value: 13387 },
        { unit: '490', id: 'residents_helped.vneid_activation', value: 12000 },
        { unit: '491', id: 'activities.vneid_activation', value: 7 },
      ],
      targets: [{ unit: '490', id: 'residents_helped.vneid_activation', value: 9950 }],
      statistics: [{ unit: '491', id: 'households', value: 1200 }],
    };
    const view = drillDownView(
      {
        unit: unit('48', 'Thành phố Đà Nẵng', null),
        children: [unit('490', 'Quận Thanh Khê', '48'), unit('491', 'Quận Hải Châu', '48')],
        figures,
      },
      parsePeriod('2025-Q2') as NonNullable<ReturnType<typeof parsePeriod>>,
    );
    expect(view.children[0]?.indicators.some((i) => i.attainment !== null)).toBe(true);
    const written = JSON.parse(unitIndicatorsJson(view).toString('utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(view)));
    expect(evaluateUnits(figures, ['490', '491']).size).toBe(2);
    // fields=figures: the same figures, the catalog's names and comparison lines left out.
    const figuresOnly = JSON.parse(unitIndicatorsJson(view, true).toString('utf8')) as typeof view;
    expect(figuresOnly).toEqual(JSON.parse(JSON.stringify(onlyFigures(view))));
    expect(figuresOnly.children[0]?.indicators[0]).not.toHaveProperty('name');
    expect(figuresOnly.children[0]?.indicators.map((i) => i.attainment)).toEqual(
      view.children[0]?.indicators.map((i) => i.attainment),
    );
  });

  it('writes a unit without children', () => {
    const view = drillDownView(
      {
        unit: unit('24172', 'Phường Thanh Khê Đông', '490'),
        children: [],
        figures: { metrics: [], targets: [], statistics: [] },
      },
      parsePeriod('2025') as NonNullable<ReturnType<typeof parsePeriod>>,
    );
    expect(JSON.parse(unitIndicatorsJson(view).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(view)));
  });
});
