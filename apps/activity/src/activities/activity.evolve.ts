import type { ActivityEvent, ActivityState } from './activity.ts';

export const initialActivityState = (): ActivityState => ({ status: 'none' });

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
