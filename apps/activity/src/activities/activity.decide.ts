// Once logged, an activity changes only by correction (kind or count, with who and why) or by a
// void that removes it from every total. A voided activity is history: nothing changes it again.
import { DomainRuleViolation } from '@nhip/decider';
import type { ActivityCommand, ActivityEvent, ActivityState } from './activity.ts';

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  if (command.type === 'LogActivity') {
    if (state.status !== 'none') {
      throw new DomainRuleViolation(
        'activity_id_reused',
        `Activity ${command.logged.activityId} was already reported with other details: use a new activity id, or correct the first report.`,
        'activityId',
      );
    }
    return [{ type: 'ActivityLogged', data: command.logged }];
  }
  if (state.status === 'none')
    throw new DomainRuleViolation('activity_not_found', 'No such activity.', 'activityId');
  if (state.status === 'voided') {
    throw new DomainRuleViolation(
      'activity_voided',
      `Activity ${state.activityId} is voided and can no longer change.`,
      'activityId',
    );
  }
  const { activityId, communeCode } = state;
  if (command.type === 'VoidActivity') {
    return [
      {
        type: 'ActivityVoided',
        data: {
          activityId,
          communeCode,
          voidedBy: command.by,
          reason: command.reason,
          recordedAt: command.at,
        },
      },
    ];
  }
  const kind = command.kind ?? state.kind;
  const residentsHelped = command.residentsHelped ?? state.residentsHelped;
  if (kind === state.kind && residentsHelped === state.residentsHelped) return [];
  return [
    {
      type: 'ActivityCorrected',
      data: {
        activityId,
        communeCode,
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

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityLogged': {
      const { activityId, communeCode, kind, residentsHelped } = event.data;
      return { status: 'logged', activityId, communeCode, kind, residentsHelped };
    }
    case 'ActivityCorrected':
      return state.status === 'none'
        ? state
        : { ...state, kind: event.data.kind, residentsHelped: event.data.residentsHelped };
    case 'ActivityVoided':
      return state.status === 'none' ? state : { ...state, status: 'voided' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
