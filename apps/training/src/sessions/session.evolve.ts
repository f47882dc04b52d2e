import type { SessionEvent, SessionState } from './session.ts';

export const initialSessionState = (): SessionState => ({ status: 'none' });

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionPlanned': {
      const { sessionId, courseId, startsAt } = event.data;
      return { status: 'planned', sessionId, courseId, startsAt };
    }
    case 'SessionHeld':
      return state.status === 'none' ? state : { ...state, status: 'held' };
    case 'SessionCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
