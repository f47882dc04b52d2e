// Value shapes every service, the demo loader and the benchmarks check the same way. The JSON
// Schemas of the public events use the same expressions (`.source`), so a value a service accepts
// is a value its events may carry.

/** Official GSO code (province 2 digits, district 3, commune 5), or a village: `24172-001`. */
export const unitCodePattern = /^[0-9]{2,5}(-[0-9]{3})?$/;
/** Official codes only, as the national lists carry them. */
export const officialUnitCodePattern = /^[0-9]{2,5}$/;
/** A version of the unit tree, e.g. vn-2024 (3 levels) or vn-2025 (2 levels). */
export const treeVersionPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A calendar date, YYYY-MM-DD, of a year from 1000 (a Vietnamese calendar day where it is one; see vietnamDay). */
export const calendarDayPattern = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/**
 * A position in the KPI service's ledger (its `kpi_deltas` id): the cursors `after` and `until` with
 * which explanations page their source events, here and through the projection.
 */
export const ledgerPositionPattern = /^[0-9]{1,18}$/;

/** Which end of the ledger an explanation's source events are listed from; `after` pages that way. */
export const sourceEventOrders = ['oldest', 'newest'] as const;
export type SourceEventOrder = (typeof sourceEventOrders)[number];

/**
 * An instant as `knownAt` takes it: an ISO 8601 calendar date and time with its offset (Z or ±hh:mm),
 * the form every client writes. ISO 8601 also has week and ordinal dates and a basic form
 * (2025-W40-3, 20251001T0800Z), which `Date` cannot read, and a time with no offset means the
 * server's zone: both refused.
 */
export const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const instantRule = 'must be an ISO 8601 date-time with its offset, such as 2025-10-01T08:00:00+07:00';

export const unitCodeRule =
  'must be an official unit code (2, 3 or 5 digits) or a village code (commune code, "-", 3 digits)';

/** A Vietnamese phone number as people write it: 0…, +84… or 84…, spaces, dots or dashes between. */
export const vietnamesePhonePattern = /^(\+84|84|0)\d{9,10}$/;

/**
 * One spelling per number, 0xxxxxxxxx, so a number saved as +84… and one typed as 0… match;
 * undefined when it is not a Vietnamese phone number.
 */
export function normalisePhone(value: string): string | undefined {
  const compact = value.replace(/[\s.()-]/g, '');
  if (!vietnamesePhonePattern.test(compact)) return undefined;
  return compact.replace(/^(\+84|84)/, '0');
}

/**
 * What a ledger delta is about, so an explanation's source event leads to it: an activity report
 * (GET /activities/{id} of the activity service), a team (GET /teams/{id} of the registry), a member
 * trained (the member's pseudonymous id) or a village registered (its code).
 */
export const sourceKinds = ['activity', 'team', 'member', 'village'] as const;
export type SourceKind = (typeof sourceKinds)[number];
