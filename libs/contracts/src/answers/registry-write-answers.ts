// What the registry answers to what it is sent: a village registered, a member registered, a unit
// list or a lineage imported, and the only answers that carry names and phones (personal data,
// read or erased, and who touched it).
import { closed, list, nullable, text } from './openapi-schema.ts';

const memberId = { type: 'string', format: 'uuid' } as const;
const count = (description: string) => ({ type: 'integer', minimum: 0, description });

export const villageRegistered = closed({
  treeVersion: { type: 'string', example: 'vn-2025', description: 'The tree in force it was registered in.' },
  code: { type: 'string', example: '24172-001', description: 'The commune’s code and a number of its own.' },
  name: { type: 'string', example: 'Thôn 3' },
  type: { type: 'string', example: 'Thôn' },
  level: { type: 'integer', minimum: 1, description: 'One below its commune.' },
  parentCode: { type: 'string', description: 'The commune.' },
  path: { ...list(text), description: 'The codes from the province down to the village.' },
});

export const memberRegistered = closed({
  memberId: { ...memberId, description: 'Pseudonymous: what teams and events carry instead of a name.' },
});

export const unitListImported = closed({
  treeVersion: { type: 'string', example: 'vn-2025' },
  effectiveFrom: { type: 'string', format: 'date' },
  unitsInList: count('Units in the file.'),
  changes: closed(
    {
      added: count('New units.'),
      renamed: count('Units whose name changed.'),
      reclassified: count('Units whose type changed (a township that became a ward).'),
      moved: count('Units under another parent.'),
      retired: count('Units of the tree no longer in the list.'),
    },
    undefined,
    'What the import changed in the tree; all 0 when it was imported before.',
  ),
  upToDate: { type: 'boolean', description: 'True when the tree already was as the file says.' },
});

export const lineageRecorded = closed({
  treeVersion: { type: 'string', example: 'vn-2025' },
  previousTreeVersion: { type: 'string', example: 'vn-2024' },
  links: count('Rows of the mapping: one former unit to one new one.'),
  unitsRecorded: count('New units whose predecessors were recorded now.'),
  upToDate: { type: 'boolean', description: 'True when the lineage already was as the file says.' },
});

export const personalData = closed({
  memberId,
  fullName: nullable('string', 'Null once erased.'),
  phone: nullable('string'),
  birthYear: nullable('integer'),
  erasedAt: { ...nullable('string', 'When it was erased; null while it is kept.'), format: 'date-time' },
});

export const personalDataAudit = list(
  closed({
    action: { type: 'string', enum: ['create', 'read', 'erase', 'lookup'] },
    actor: { type: 'string', description: 'Who: the `sub` of the token.' },
    reason: nullable('string', 'The reason the caller gave.'),
    at: { type: 'string', format: 'date-time' },
  }),
);

export const memberLookups = closed({
  results: {
    ...list({
      oneOf: [
        closed({ memberId }),
        closed({
          memberId: { type: 'string', enum: [null], nullable: true },
          match: {
            type: 'string',
            enum: ['none', 'several'],
            description: 'No member of your area has the number, or several have it.',
          },
        }),
      ],
    }),
    description: 'One result per phone number, in the order given.',
  },
});
