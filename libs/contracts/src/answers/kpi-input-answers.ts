// What the KPI service answers to what it is sent: a target assigned, a statistic reported, a
// grouping defined, each as stored.
import { closed, list, text } from './openapi-schema.ts';

export const assignedTarget = closed({
  unitCode: text,
  metric: {
    type: 'string',
    description: 'The metric the target is for, e.g. residents_helped.vneid_activation.',
  },
  period: { type: 'string', example: '2024' },
  value: { type: 'number' },
  assignedBy: { type: 'string', description: 'The code of the unit that assigned it: the caller’s.' },
  assignedAt: { type: 'string', format: 'date-time' },
});

export const reportedStatistic = closed({
  unitCode: text,
  statistic: { type: 'string', example: 'population_15_plus' },
  value: { type: 'number' },
  asOf: { type: 'string', format: 'date' },
  source: { type: 'string', description: 'Who measured it.' },
  recordedAt: { type: 'string', format: 'date-time' },
});

export const groupingDefined = closed({
  code: { type: 'string', example: 'G-QTK-2024' },
  name: text,
  treeVersion: text,
  units: { ...list(text), description: 'The codes of its members.' },
  definedBy: { type: 'string', description: 'Who: the `sub` of the token.' },
  definedAt: { type: 'string', format: 'date-time' },
});

const millis = { type: 'number', minimum: 0 } as const;

/** A rebuild that switched (one whose state differed answers 409 with each differing cell). */
export const rebuildOutcome = closed({
  deltas: { type: 'integer', minimum: 0, description: 'Ledger rows read.' },
  cells: { type: 'integer', minimum: 0, description: 'Cells written (a cell netting to 0 is left out).' },
  partitions: { type: 'integer', minimum: 0, description: 'Folded one at a time, about one a province.' },
  mismatches: {
    type: 'array',
    maxItems: 0,
    items: {},
    description: 'Empty: the rebuilt state equals the live one.',
  },
  switched: { type: 'boolean', enum: [true] },
  millis: closed({ build: millis, check: millis, total: millis }),
  steps: closed(
    { read: millis, fold: millis, write: millis, key: millis, analyze: millis },
    undefined,
    'Milliseconds: read the ledger; fold it (the server writing meanwhile); write the rest; key; analyze.',
  ),
  memory: closed(
    { peakRss: { type: 'integer', minimum: 0 }, peakHeap: { type: 'integer', minimum: 0 } },
    undefined,
    'The service’s largest resident set and heap seen between partitions, in bytes.',
  ),
});
