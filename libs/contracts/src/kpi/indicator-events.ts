import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import { storedPeriodPattern } from '../periods.ts';
import { UnitCode } from '../registry/schema-parts.ts';
import { StatisticRefusedV1 } from './statistic-refused.ts';

// Keyed by unit: one unit's values reach a dashboard in the order they were computed.
const Figure = Type.Union([Type.Integer(), Type.Null()]);

export const IndicatorChangedV1 = publicEvent({
  type: 'vn.nhip.kpi.indicator.changed.v1',
  topic: publicTopics.kpiIndicator,
  keyField: 'unitCode',
  subjectField: 'indicatorId',
  summary:
    "An indicator's value for a unit and a period changed: the value with the figures it came from, the target, the rank among siblings and the ledger position it reflects.",
  schema: Type.Object({
    unitCode: UnitCode,
    indicatorId: Type.String({ minLength: 1, description: 'From the catalog, GET /catalog.' }),
    version: Type.Integer({
      minimum: 1,
      description:
        'The formula version it was computed with. When a formula changes, every value of the indicator is published again with the new version (a higher revision).',
    }),
    period: Type.String({
      pattern: storedPeriodPattern.source,
      description: 'Vietnamese calendar (UTC+7): 2025-07-01, 2025-07, 2025-Q3 or 2025.',
    }),
    value: Type.Union([Type.Number(), Type.Null()], {
      description: 'Rounded to the indicator’s decimals; null when it has none (see missing).',
    }),
    exact: Type.Union([Type.String(), Type.Null()], { description: 'The value as written, e.g. "134.54".' }),
    numerator: Figure,
    denominator: Figure,
    target: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The target assigned, if the formula uses one.',
    }),
    attainment: Type.Union([Type.Number(), Type.Null()], {
      description: 'Per cent of the target reached, when the denominator is a target.',
    }),
    rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'Among the unit’s siblings, 1 the best by the indicator’s direction.',
    }),
    missing: Type.Union([
      Type.Literal('no-target'),
      Type.Literal('no-statistic'),
      Type.Literal('zero-denominator'),
      Type.Null(),
    ]),
    revision: Type.String({
      pattern: '^[0-9]+$',
      description:
        'Grows with every value the service computes. Delivery may reorder values of one unit: keep the highest revision per unit, indicator and period.',
    }),
    position: Type.String({
      pattern: '^[0-9]+$',
      description: 'The last ledger delta the value reflects: later events have higher positions.',
    }),
  }),
});

export type IndicatorChangedData = Type.Static<typeof IndicatorChangedV1.schema>;

/**
 * An indicator's figures for a unit and period: what a change carries and what a view of the
 * indicator shows beside its id and version (the KPI's answers, the projection's summary, the
 * dashboard's tiles).
 */
export const indicatorFigureFields = [
  'value',
  'exact',
  'numerator',
  'denominator',
  'target',
  'attainment',
  'rank',
  'missing',
] as const satisfies readonly (keyof IndicatorChangedData)[];

export const kpiEvents = [IndicatorChangedV1, StatisticRefusedV1] as const;
