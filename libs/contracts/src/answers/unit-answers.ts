// The registry's unit trees as it answers them (and the projection passes them on): the units of
// the tree in force on a date, one unit with its path, children and lineage, the search box's
// matches, a unit's coverage by teams, and the teams themselves.
import { affiliations, teamStatuses, teamTypes } from '../registry/vocabulary.ts';
import { closed, list, nullable, ref, text, type OpenApiSchema } from './openapi-schema.ts';

const treeInForce = {
  treeVersion: { type: 'string', example: 'vn-2025' },
  effectiveFrom: { type: 'string', format: 'date', description: 'The day the tree came into force.' },
} as const;

const unitProperties: Record<string, OpenApiSchema> = {
  code: { type: 'string', description: 'The official code (or a local one for a village).' },
  name: text,
  type: { type: 'string', example: 'Xã' },
  level: { type: 'integer', minimum: 1, description: '1 for a province; how many levels there are is data.' },
  parentCode: nullable('string'),
  origin: { type: 'string', enum: ['official', 'local'] },
  path: { ...list(text), description: 'The codes from the province down to the unit.' },
};

export const unit = closed(unitProperties);

const lineageLink = closed({
  treeVersion: text,
  code: text,
  name: nullable('string'),
  relation: { type: 'string', enum: ['full', 'partial'], description: 'Whole, or one of several parts.' },
});

export const unitsInForce = closed({ ...treeInForce, units: list(ref('Unit')) });

export const unitDetail = closed({
  ...treeInForce,
  unit: ref('Unit'),
  ancestors: { ...list(ref('Unit')), description: 'From the province down to the unit’s parent.' },
  children: list(ref('Unit')),
  predecessors: { ...list(lineageLink), description: 'The units of the tree before that it was made of.' },
  successors: { ...list(lineageLink), description: 'The units of the tree after that it became.' },
});

export const foundUnits = closed({
  ...treeInForce,
  q: text,
  units: list(
    closed({
      ...unitProperties,
      place: { ...list(text), description: 'Names from the province down to the unit.' },
      via: { type: 'string', enum: ['name', 'former-name'] },
      matchedName: { type: 'string', description: 'The name that matched: its own or a predecessor’s.' },
      match: { type: 'string', enum: ['exact', 'prefix', 'word-prefix', 'initials', 'contains'] },
    }),
  ),
});

const unitCoverage = closed({
  code: text,
  name: text,
  level: { type: 'integer' },
  villages: { type: 'integer' },
  villagesWithActiveTeam: { type: 'integer' },
  coverage: nullable('number', 'villagesWithActiveTeam / villages; null without villages.'),
  teams: { type: 'integer' },
  activeTeams: { type: 'integer' },
  activeMembers: { type: 'integer', description: 'Distinct people: a member of two teams counts once.' },
  teamsToMove: {
    type: 'integer',
    description:
      'Teams still on a unit of an earlier tree whose commune the lineage leads here: POST /teams/{teamId}/unit moves one in.',
  },
});

export const coverageReport = closed({ ...treeInForce, unit: unitCoverage, children: list(unitCoverage) });

const teamProperties = {
  teamId: { type: 'string', format: 'uuid' },
  name: text,
  teamType: { type: 'string', enum: Object.keys(teamTypes) },
  status: { type: 'string', enum: [...teamStatuses] },
  treeVersion: text,
  unitCode: { type: 'string', description: 'The unit (a village, a commune) it works in.' },
  unitName: nullable('string'),
  unitPath: { ...list(text), description: 'The codes from the province down to its unit.' },
  decision: closed(
    { number: text, date: { type: 'string', format: 'date' } },
    ['number', 'date'],
    'The decision that set it up.',
  ),
  leaderId: nullable('string'),
  members: { type: 'integer', description: 'Members on its roster now.' },
} as const;

export const teamsPage = closed({
  total: { type: 'integer' },
  page: { type: 'integer' },
  pageSize: { type: 'integer' },
  items: list(closed(teamProperties)),
});

export const teamDetail = closed({
  ...teamProperties,
  movesTo: {
    ...list(text),
    description:
      'For a team on a unit of an earlier tree (before the July 2025 reform): the communes of the tree in force that replaced its own, where POST /teams/{id}/unit may move it. Empty otherwise.',
  },
  roster: list(
    closed({
      memberId: { type: 'string', format: 'uuid' },
      role: text,
      affiliation: { type: 'string', enum: Object.keys(affiliations) },
      leader: { type: 'boolean' },
    }),
  ),
});
