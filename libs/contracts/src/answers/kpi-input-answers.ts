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
