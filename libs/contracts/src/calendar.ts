// Days in Nhịp are Vietnamese calendar days: an activity at 00:30 on the 21st in Hà Nội counts on
// the 21st, though it is still the 20th in UTC. Vietnam keeps one offset all year (UTC+7, no DST).
const vietnamOffsetMs = 7 * 3_600_000;

/** The Vietnamese calendar date (YYYY-MM-DD) of an instant. */
export const vietnamDay = (instant: Date | string): string =>
  new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + vietnamOffsetMs)
    .toISOString()
    .slice(0, 10);
