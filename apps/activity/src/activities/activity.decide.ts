// A report is logged only if it passes every rule of checkReport (the same for a single report and
// a line of a bulk file). Once logged, an activity changes only by correction (kind or count, with
// who and why) or by a void that removes it from every total. A voided activity is history.
import { DomainRuleViolation } from '@nhip/decider';
import type { ActivityCommand, ActivityEvent, ActivityState, LogActivity } from './activity.ts';
import { checkReport } from './check-report.decide.ts';

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  if (command.type === 'LogActivity') return logActivity(command, state);
  const logged = requireChangeable(state);
  return command.type === 'VoidActivity' ? voidActivity(command, logged) : correctActivity(command, logged);
}

/** A logged report, not voided: the only kind that may still change. */
type Logged = Exclude<ActivityState, { status: 'none' }>;
type Correct = Extract<ActivityCommand, { type: 'CorrectActivity' }>;
type Void = Extract<ActivityCommand, { type: 'VoidActivity' }>;

function requireChangeable(state: ActivityState): Logged {
  if (state.status === 'none')
    throw new DomainRuleViolation('activity_not_found', 'No such activity.', 'activityId');
  if (state.status === 'voided') {
    throw new DomainRuleViolation(
      'activity_voided',
      `Activity ${state.activityId} is voided and can no longer change.`,
      'activityId',
    );
  }
  return state;
}

function voidActivity(command: Void, { activityId, communeCode }: Logged): ActivityEvent[] {
  const data = {
    activityId,
    communeCode,
    voidedBy: command.by,
    reason: command.reason,
    recordedAt: command.at,
  };
  return [{ type: 'ActivityVoided', data }];
}

function correctActivity(command: Correct, state: Logged): ActivityEvent[] {
  const kind = command.kind ?? state.kind;
  const residentsHelped = command.residentsHelped ?? state.residentsHelped;
  if (kind === state.kind && residentsHelped === state.residentsHelped) return [];
  return [
    {
      type: 'ActivityCorrected',
      data: {
        activityId: state.activityId,
        communeCode: state.communeCode,
        kind,
        residentsHelped,
        previousKind: state.kind,
        previousResidentsHelped: state.residentsHelped,
        correctedBy: command.by,
        reason: command.reason,
        recordedAt: command.at,
      },
    },
  ];
}

function logActivity(command: LogActivity, state: ActivityState): ActivityEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation(
      'activity_id_reused',
      `Activity ${command.report.activityId} was already reported with other details: use a new activity id, or correct the first report.`,
      'activityId',
    );
  }
  const judgement = checkReport(command.report, command.facts, {
    now: command.receivedAt,
    lateWindow: command.lateWindow,
  });
  if (!judgement.ok) throw DomainRuleViolation.of(judgement.violations);
  return [{ type: 'ActivityLogged', data: judgement.logged }];
}
