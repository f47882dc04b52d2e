import type { Aggregate } from '@nhip/event-sourcing';
import { projectSessions } from './session-catalog/index.ts';
import type { SessionCommand, SessionEvent, SessionState } from './session.ts';
import { sessionDecider } from './session.decider.ts';
import { sessionOutbox } from './session.public-events.ts';

export const sessionAggregate: Aggregate<SessionCommand, SessionEvent, SessionState> = {
  decider: sessionDecider,
  toOutbox: sessionOutbox,
  project: projectSessions,
};
