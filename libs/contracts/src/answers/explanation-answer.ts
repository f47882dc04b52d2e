// The explanation of one number: its formula, operands with their sources, the children's
// contributions and a page of the source events.
import { definitionProperties, definitionRequired, unitRef } from './indicator-answers.ts';
import { sourceKinds } from '../patterns.ts';
import { closed, list, nullable, ref, text } from './openapi-schema.ts';

const reported = {
  value: { type: 'number' },
  source: { type: 'string', description: 'Who measured it.' },
  asOf: { type: 'string', format: 'date' },
  missing: { type: 'boolean', enum: [true] },
} as const;

const assignedTarget = closed(
  {
    unitCode: text,
    unitName: nullable('string'),
    value: { type: 'number' },
    assignedBy: { type: 'string', description: 'The code of the unit that assigned it.' },
    assignedByName: nullable('string'),
    assignedAt: { type: 'string', format: 'date-time' },
  },
  ['unitCode', 'value', 'assignedBy', 'assignedAt'],
);

const operandSource = closed(
  {
    kind: { type: 'string', enum: ['metric', 'target', 'statistic'] },
    metric: text,
    statistic: text,
    name: ref('Name'),
    counts: { type: 'string', enum: ['flow', 'stock'] },
    how: text,
    assigned: list(assignedTarget),
    period: {
      type: 'string',
      description: 'The period the targets were assigned for: a year to date is measured against its year’s.',
    },
    members: list(closed({ unitCode: text, ...reported }, ['unitCode'])),
    ...reported,
  },
  ['kind'],
);

const explainedOperand = closed({ figure: nullable('number'), source: operandSource });

export const explanation = closed({
  unit: unitRef,
  period: text,
  knownAt: nullable('string'),
  indicator: closed(
    {
      ...definitionProperties,
      latestVersion: { type: 'integer', description: 'The newest version of the formula.' },
    },
    [...definitionRequired, 'latestVersion'],
    'The definition the value was computed with.',
  ),
  value: nullable('number'),
  exact: nullable('string'),
  missing: nullable('string'),
  numerator: explainedOperand,
  // Inline, not a $ref: OpenAPI 3.0 has no null beside a $ref, and a count has no denominator.
  denominator: { ...explainedOperand, nullable: true },
  children: list(
    closed({
      code: text,
      name: text,
      numerator: nullable('number'),
      denominator: nullable('number'),
      value: nullable('number'),
      rank: nullable('integer'),
    }),
  ),
  sourceEvents: {
    ...closed({
      metric: text,
      items: list(
        closed({
          position: { type: 'string', description: 'The ledger position; pass the last one as `after`.' },
          sourceEventId: { type: 'string', format: 'uuid', description: 'The public event’s `ce_id`.' },
          source: {
            ...closed({
              kind: {
                type: 'string',
                enum: [...sourceKinds],
                description:
                  'activity: GET /activities/{id} of the activity service; team: GET /teams/{id} of the registry; member: a member’s pseudonymous id; village: its code.',
              },
              id: text,
            }),
            nullable: true,
            description: 'What the event was about; null for a delta recorded before the ledger kept it.',
          },
          place: closed({
            code: {
              type: 'string',
              description:
                'The last unit it counts in: a report’s village or commune, a team’s unit, a trained member’s last team’s unit.',
            },
            name: nullable('string', 'Null when the explanation’s tree does not name it.'),
          }),
          day: { type: 'string', format: 'date' },
          delta: { type: 'number' },
          recordedAt: { type: 'string', format: 'date-time' },
        }),
      ),
      next: nullable('string', 'The `after` of the next page; null on the last.'),
      until: {
        type: 'string',
        description: 'Pass it with `after` so later pages list what this figure counted.',
      },
    }),
    nullable: true,
  },
});
