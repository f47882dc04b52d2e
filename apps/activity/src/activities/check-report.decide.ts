// Is a report acceptable, judged against the registry replica and the clock? Pure: the facts and
// "now" come in, so single and bulk reports are judged by the same code, and tests need no server.
import { vietnamDay } from '@nhip/contracts';
import type { ActivityLogged, ActivityReport } from './activity.ts';
import type { LateWindow } from './late-window.ts';

export interface Violation {
  readonly code: string;
  readonly field: string;
  readonly reason: string;
}

export interface TeamFacts {
  readonly status: string;
  readonly treeVersion: string;
  readonly communeCode: string;
}

export interface PlaceFacts {
  readonly path: readonly string[];
  readonly communeCode: string;
}

export interface CampaignFacts {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly unitCodes: readonly string[];
}

export interface ReportFacts {
  readonly team: TeamFacts | undefined;
  readonly memberInTeam: boolean;
  readonly place: PlaceFacts | undefined;
  readonly campaign: CampaignFacts | undefined;
}

export interface Clock {
  /** ISO instant the report arrived. */
  readonly now: string;
  /** How old a report may be, and who records an older one (late-window.ts). */
  readonly lateWindow: LateWindow;
}

const dayMs = 86_400_000;
/** Phones' clocks drift; a report a few minutes "in the future" is not a mistake. */
const clockSkewMs = 10 * 60_000;

export type Judgement = { ok: true; logged: ActivityLogged } | { ok: false; violations: Violation[] };

export function checkReport(report: ActivityReport, facts: ReportFacts, clock: Clock): Judgement {
  const violations = [
    ...teamViolations(report, facts),
    ...timeViolations(report, clock),
    ...campaignViolations(report, facts),
  ];
  const { team, place } = facts;
  if (violations.length > 0 || !team || !place) return { ok: false, violations };
  return {
    ok: true,
    logged: {
      ...report,
      treeVersion: team.treeVersion,
      placePath: [...place.path],
      communeCode: place.communeCode,
      recordedAt: clock.now,
    },
  };
}

function teamViolations(report: ActivityReport, { team, memberInTeam, place }: ReportFacts): Violation[] {
  if (!team) {
    return [
      {
        code: 'unknown_team',
        field: 'teamId',
        reason:
          'No such team. A team registered in the last seconds may not have reached this service yet: retry the same report (same activityId) in a few seconds; it is recorded once.',
      },
    ];
  }
  const found: Violation[] = [];
  if (team.status !== 'active') {
    found.push({
      code: `team_${team.status}`,
      field: 'teamId',
      reason: `The team is ${team.status}: it cannot report activities.`,
    });
  }
  if (report.memberId !== null && !memberInTeam) {
    found.push({
      code: 'member_not_in_team',
      field: 'memberId',
      reason: 'This member is not (or no longer) in the team.',
    });
  }
  if (!place) {
    found.push({
      code: 'unknown_place',
      field: 'placeCode',
      reason: `No unit ${report.placeCode} in tree ${team.treeVersion}.`,
    });
  } else if (!place.path.includes(team.communeCode)) {
    found.push({
      code: 'place_outside_team_area',
      field: 'placeCode',
      reason: `${report.placeCode} is outside the team's commune (${team.communeCode}).`,
    });
  }
  return found;
}

function timeViolations(report: ActivityReport, clock: Clock): Violation[] {
  const at = Date.parse(report.occurredAt);
  const now = Date.parse(clock.now);
  if (at > now + clockSkewMs) {
    return [
      { code: 'occurred_in_future', field: 'occurredAt', reason: `${report.occurredAt} is in the future.` },
    ];
  }
  const { days, olderRecordedBy: older } = clock.lateWindow;
  if (at < now - days * dayMs) {
    const age = Math.floor((now - at) / dayMs);
    // Named only when they could take it: a report past every window is refused to everyone.
    const ask =
      older !== undefined && at >= now - older.days * dayMs
        ? ` Ask ${older.who} to record it (up to ${older.days} days).`
        : '';
    return [
      {
        code: 'report_too_late',
        field: 'occurredAt',
        reason: `Reports are accepted up to ${days} days after the activity; this one happened ${age} days ago.${ask}`,
      },
    ];
  }
  return [];
}

function campaignViolations(report: ActivityReport, { campaign, place }: ReportFacts): Violation[] {
  if (report.campaignId === null) return [];
  if (!campaign) return [{ code: 'unknown_campaign', field: 'campaignId', reason: 'No such campaign.' }];
  const day = vietnamDay(report.occurredAt);
  if (day < campaign.startsOn || day > campaign.endsOn) {
    return [
      {
        code: 'outside_campaign_period',
        field: 'occurredAt',
        reason: `The campaign runs ${campaign.startsOn} – ${campaign.endsOn}; the activity happened on ${day}.`,
      },
    ];
  }
  if (place && !campaign.unitCodes.some((code) => place.path.includes(code))) {
    return [
      {
        code: 'place_outside_campaign',
        field: 'placeCode',
        reason: 'The campaign does not cover this place.',
      },
    ];
  }
  return [];
}

/** Whether a stored report is the same as this one (a retry), whatever the offset notation. */
export function sameReport(report: ActivityReport, stored: ActivityReport): boolean {
  const what = (r: ActivityReport) => [
    r.teamId,
    r.memberId ?? null,
    r.placeCode,
    r.kind,
    r.residentsHelped,
    Date.parse(r.occurredAt),
    r.campaignId ?? null,
  ];
  const [mine, theirs] = [what(report), what(stored)];
  return mine.every((value, i) => value === theirs[i]);
}
