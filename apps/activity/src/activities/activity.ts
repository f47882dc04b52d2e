// An activity report: what a team (and optionally one member) did, where, when, for how many
// residents. Born whole, then perhaps corrected or voided; never edited in place.
import type { ActivityKind, ActivityLoggedData } from '@nhip/contracts';
import type { ReportFacts } from './check-report.decide.ts';
import type { LateWindow } from './late-window.ts';

/** What a client reports; the service adds where it counts (commune, path) and when it arrived. */
export interface ActivityReport {
  readonly activityId: string;
  readonly teamId: string;
  readonly memberId: string | null;
  readonly placeCode: string;
  readonly kind: ActivityKind;
  readonly residentsHelped: number;
  /** ISO 8601 with an offset; Vietnamese reports are +07:00. */
  readonly occurredAt: string;
  readonly campaignId: string | null;
}

export type ActivityLogged = ActivityLoggedData;

export type ActivityEvent =
  | { type: 'ActivityLogged'; data: ActivityLogged }
  | {
      type: 'ActivityCorrected';
      data: {
        activityId: string;
        communeCode: string;
        kind: ActivityKind;
        residentsHelped: number;
        previousKind: ActivityKind;
        previousResidentsHelped: number;
        correctedBy: string;
        reason: string;
        recordedAt: string;
      };
    }
  | {
      type: 'ActivityVoided';
      data: { activityId: string; communeCode: string; voidedBy: string; reason: string; recordedAt: string };
    };

/** What the report is judged against, looked up before deciding: the replica, campaigns, the clock. */
export interface LogActivity {
  readonly type: 'LogActivity';
  readonly report: ActivityReport;
  readonly facts: ReportFacts;
  /** ISO instant the report arrived. */
  readonly receivedAt: string;
  /** How old a report may be, and who records an older one (late-window.ts). */
  readonly lateWindow: LateWindow;
}

export type ActivityCommand =
  | LogActivity
  | {
      type: 'CorrectActivity';
      kind: ActivityKind | undefined;
      residentsHelped: number | undefined;
      by: string;
      reason: string;
      at: string;
    }
  | { type: 'VoidActivity'; by: string; reason: string; at: string };

export type ActivityState =
  | { readonly status: 'none' }
  | {
      readonly status: 'logged' | 'voided';
      readonly activityId: string;
      readonly communeCode: string;
      readonly kind: ActivityKind;
      readonly residentsHelped: number;
    };

export const activityStreamPrefix = 'activity-';
export const activityStream = (activityId: string): string => `${activityStreamPrefix}${activityId}`;
