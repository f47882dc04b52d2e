import type { Decider } from '@nhip/decider';
import type { SessionCommand, SessionEvent, SessionState } from './session.ts';
import { decideSession } from './session.decide.ts';
import { evolveSession, initialSessionState } from './session.evolve.ts';

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: initialSessionState,
  decide: decideSession,
  evolve: evolveSession,
};
