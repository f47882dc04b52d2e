import Type from 'typebox';
import { treeVersionPattern, unitCodePattern } from '../patterns.ts';
import { affiliations, lineageRelations, memberRoles, teamTypes, unitOrigins } from './vocabulary.ts';

/** A union of string literals whose static type is the union of the values, not `never`. */
export const oneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Enum([...values], { description });

export const codesOf = <T extends string>(table: Record<T, string>): T[] => Object.keys(table) as T[];

export const TreeVersion = Type.String({
  pattern: treeVersionPattern.source,
  description: 'A version of the unit tree, e.g. vn-2024 (3 levels) or vn-2025 (2 levels).',
});
export const UnitCode = Type.String({
  pattern: unitCodePattern.source,
  description:
    'Official GSO code (province 2 digits, district 3, commune 5) or, for a village, its commune code and a 3-digit number: 24172-001.',
});
export const UnitPath = Type.Array(UnitCode, {
  minItems: 1,
  description: 'Codes from the province down to the unit itself; rollups follow it.',
});
export const Uuid = Type.String({ format: 'uuid' });
export const MemberId = Type.String({
  format: 'uuid',
  description: 'Pseudonymous member id. Names, phones and birth years never leave the registry.',
});
export const IsoDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD.' });
export const TeamTypeCode = oneOf(codesOf(teamTypes), 'Team type; labels in the AsyncAPI description.');
export const MemberRoleCode = oneOf(
  Object.keys(memberRoles),
  'Role within the team (the leader is assigned apart).',
);
export const AffiliationCode = oneOf(codesOf(affiliations), 'The organisation a member comes from.');
export const UnitOriginCode = oneOf(
  unitOrigins,
  'official: from the national list; local: a village registered under its commune.',
);
export const LineageRelationCode = oneOf(
  lineageRelations,
  'full: the whole old unit went in; partial: it was split.',
);
export const Decision = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. 125/QĐ-UBND' }),
    date: IsoDate,
  },
  { additionalProperties: false, description: 'The decision (quyết định) that established the team.' },
);
