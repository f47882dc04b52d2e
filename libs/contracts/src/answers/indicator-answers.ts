// The KPI service's indicators as it answers them: the catalog's definitions, a unit's values with
// its children's (the drill-down), a former unit's, a series.
import { indicatorFigureFields } from '../kpi/indicator-events.ts';
import { closed, list, nullable, ref, text, type OpenApiSchema } from './openapi-schema.ts';

export const name = closed({ vi: text, en: text }, ['vi', 'en'], 'In Vietnamese and in English.');
export const unitRef = closed({ code: text, name: text, treeVersion: text });

export const comparisonLine = closed(
  {
    kind: {
      type: 'string',
      enum: ['national-average', 'national-target', 'province-target', 'local-target'],
    },
    value: { type: 'number', example: 75 },
    source: { type: 'string', description: 'Where the figure comes from, in English.' },
    sourceName: ref('Name'),
  },
  // sourceName is left out by a KPI service older than it (a projection may still hold its catalog).
  ['kind', 'value', 'source'],
);

/** A formula's operand: exactly one of a metric, a statistic, or the target assigned for a metric. */
export const formulaOperand: OpenApiSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { metric: text, statistic: text, target: text },
};

export const definitionProperties: Record<string, OpenApiSchema> = {
  id: { type: 'string', example: 'vneid_vs_target' },
  version: { type: 'integer', minimum: 1 },
  name: ref('Name'),
  unit: { type: 'string', enum: ['percent', 'ratio', 'count'] },
  decimals: { type: 'integer', minimum: 0 },
  direction: { type: 'string', enum: ['higher-is-better', 'lower-is-better'] },
  numerator: ref('FormulaOperand'),
  denominator: ref('FormulaOperand'),
  comparisons: list(ref('ComparisonLine')),
};
export const definitionRequired = [
  'id',
  'version',
  'name',
  'unit',
  'decimals',
  'direction',
  'numerator',
  'comparisons',
];
export const indicatorDefinition = closed(definitionProperties, definitionRequired);

export const indicatorValueProperties: Record<string, OpenApiSchema> = {
  id: text,
  version: { type: 'integer', description: 'The formula version the value was computed with.' },
  value: nullable('number', 'Rounded to the indicator’s decimals; null when it cannot be computed.'),
  exact: nullable('string', 'The value as a decimal string, rounded half up from the exact ratio.'),
  numerator: nullable('number'),
  denominator: nullable('number'),
  target: nullable('number'),
  attainment: nullable('number', 'Per cent of the target reached.'),
  rank: nullable('integer', 'Among the siblings listed beside it (1 is best); null for the unit asked.'),
  missing: nullable('string', 'Why there is no value: no-target, no-statistic, zero-denominator…'),
  name: ref('Name'),
  unit: { type: 'string', enum: ['percent', 'ratio', 'count'] },
  comparisons: list(ref('ComparisonLine')),
};
export const indicatorValueRequired = ['id', 'version', ...indicatorFigureFields];
export const indicatorValue = closed(
  indicatorValueProperties,
  indicatorValueRequired,
  '`name`, `unit` and `comparisons` are left out with `fields=figures` (GET /catalog has them).',
);

export const unitIndicators = closed(
  {
    unit: unitRef,
    period: { type: 'string', example: '2024' },
    knownAt: nullable('string', 'The moment asked for with `knownAt`; null for the current figures.'),
    indicators: list(ref('IndicatorValue')),
    children: list(closed({ code: text, name: text, indicators: list(ref('IndicatorValue')) })),
    successorsIn: nullable(
      'string',
      'For a unit replaced in the period’s tree: the tree its successors (the children) are in.',
    ),
    now: {
      ...list(ref('IndicatorValue')),
      description: 'With `knownAt`: the same indicators as they are now.',
    },
  },
  ['unit', 'period', 'knownAt', 'indicators', 'children', 'successorsIn'],
);

export const formerUnitIndicators = closed({
  former: closed(
    { treeVersion: text, code: text },
    ['treeVersion', 'code'],
    'The unit asked for, in its own tree.',
  ),
  treeVersion: { type: 'string', description: 'The tree in force for the period, which its members are in.' },
  period: text,
  indicators: { ...list(ref('IndicatorValue')), description: 'Its members’ figures summed.' },
  members: list(closed({ code: text, name: text, indicators: list(ref('IndicatorValue')) })),
});

export const seriesAnswer = closed({
  unitCode: text,
  indicatorId: text,
  version: { type: 'integer' },
  points: list(
    closed({
      period: text,
      value: nullable('number'),
      numerator: nullable('number'),
      denominator: nullable('number'),
    }),
  ),
});

export const metricDefinition = closed({
  id: { type: 'string', example: 'residents_helped.vneid_activation' },
  counts: { type: 'string', enum: ['flow', 'stock'] },
  name: ref('Name'),
});

export const catalogAnswer = closed({
  indicators: {
    ...list(ref('IndicatorDefinition')),
    description: 'The indicators in force: the newest version of each, what values are computed with.',
  },
  superseded: {
    ...list(ref('IndicatorDefinition')),
    description:
      'Older versions a newer one replaced, to read a value recorded with one; such values are published again with the version in force.',
  },
  statistics: { ...list(text), description: 'The statistics’ ids, as partner.statistics.v1 names them.' },
  statisticNames: { type: 'object', additionalProperties: ref('Name') },
  metrics: list(ref('MetricDefinition')),
});
