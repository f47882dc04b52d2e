// What the registry answers about a commune taking over the villages and teams of the communes a
// reform merged into it (GET and POST /units/{code}/carry-over, ADR 0068).
import { closed, list, nullable, text, type OpenApiSchema } from './openapi-schema.ts';

const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;

const left: Record<string, OpenApiSchema> = {
  because: {
    type: 'string',
    nullable: true,
    enum: ['split', 'name_taken', 'village_left', 'outside_area', 'refused', null],
    description:
      'Why it stays: its commune was divided among several (`split`), another village taken over has its name (`name_taken`), its village stays (`village_left`), the team works outside the caller’s area, or its move was refused. Null when it is taken over.',
  },
  why: nullable('string', 'The reason in a sentence, with what a person can do.'),
};

const former = closed({
  treeVersion: text,
  code: text,
  name: text,
  successors: { ...list(text), description: 'The communes of the tree in force it became.' },
  whole: {
    type: 'boolean',
    description: 'Taken in whole by this commune: its villages and teams come here.',
  },
});

const village = closed({
  from: closed({ treeVersion: text, code: text, name: text, type: text, communeCode: text }),
  action: {
    type: 'string',
    enum: ['register', 'exists', 'linked', 'carried', 'left'],
    description:
      'Registered again under the commune by name, found there already, placed by a person (`villages` of the POST), taken over by an earlier carry-over, or left.',
  },
  to: nullable('string', 'Its code under the commune: for one to register, once registered.'),
  ...left,
});

const team = closed({
  teamId: { type: 'string', format: 'uuid' },
  name: text,
  from: closed({ treeVersion: text, unitCode: text, communeCode: text }),
  action: { type: 'string', enum: ['move', 'left'] },
  to: {
    ...closed({ code: nullable('string'), villageName: nullable('string') }),
    nullable: true,
    description: 'The commune (no village name) or its village’s counterpart; null when it stays.',
  },
  movesTo: { ...list(text), description: 'The communes of the tree in force its commune became.' },
  ...left,
});

const summary = closed({
  villagesToRegister: count('Villages registered again under the commune (or to be).'),
  villagesThere: count('Villages the commune already has by that name.'),
  villagesLinked: count('Villages a person placed in a village of the commune.'),
  villagesCarried: count('Villages taken over by an earlier carry-over.'),
  villagesLeft: count('Villages left for a person.'),
  teamsToMove: count('Teams moved (or to move).'),
  teamsLeft: count('Teams left for a person.'),
});

export const carryOver = closed({
  treeVersion: text,
  commune: closed({ code: text, name: text }),
  applied: { type: 'boolean', description: 'False for the plan (GET); true once carried out (POST).' },
  formers: { ...list(former), description: 'The communes of earlier trees the lineage leads here from.' },
  villages: list(village),
  teams: list(team),
  summary,
});

/** Where the carry-overs stand in every commune under a unit (GET /units/{code}/carry-overs). */
export const carryOvers = closed({
  treeVersion: text,
  unit: closed({ code: text, name: text }),
  communes: {
    ...list(closed({ code: text, name: text, summary })),
    description: 'The communes formed from earlier ones, those with the most still to do first.',
  },
  total: {
    ...summary,
    description:
      'The communes’ summaries added up: a village or team of a divided commune counts in each commune it may go to.',
  },
  waiting: closed({
    villages: count('Villages left for a person, each once, however many communes it may go to.'),
    teams: count('Teams left for a person, each once.'),
  }),
});
