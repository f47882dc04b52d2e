import { indicatorValueProperties, indicatorValueRequired, unitRef } from './indicator-answers.ts';
import { coverageIndicator } from '../coverage.ts';
import { closed, list, nullable, ref, text } from './openapi-schema.ts';

/** The projection's summary: the drill-down's shape, each indicator with its last periods' values. */
export const summaryIndicator = closed(
  {
    ...indicatorValueProperties,
    trend: {
      ...list(closed({ period: text, value: nullable('number') })),
      description: 'The last periods of the same kind, the oldest first, this one last.',
    },
  },
  [...indicatorValueRequired, 'name', 'unit', 'comparisons', 'trend'],
);

export const unitSummary = closed(
  {
    unit: unitRef,
    ancestors: {
      ...list(closed({ code: text, name: text })),
      description: 'The units above it in its own tree, the province first.',
    },
    period: text,
    knownAt: nullable(
      'string',
      'The instant the figures are as known at (`?knownAt=`); null for the live figures.',
    ),
    indicators: list(ref('SummaryIndicator')),
    children: list(closed({ code: text, name: text, indicators: list(ref('SummaryIndicator')) })),
    coverage: {
      ...closed({ villages: { type: 'integer' }, villagesWithTeam: { type: 'integer' } }),
      nullable: true,
      description: `Villages with an active team, of the villages, at the period’s end as recorded (as known then with \`knownAt\`): the figures of \`${coverageIndicator}\`; null where it has none.`,
    },
    successorsIn: nullable('string', 'For a unit replaced in the period’s tree: the tree of its successors.'),
  },
  ['unit', 'ancestors', 'period', 'knownAt', 'indicators', 'children', 'coverage', 'successorsIn'],
);
