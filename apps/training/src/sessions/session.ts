// A training session of a course: planned by a unit, in person (a place) or online with bridge
// points (the units connected, each with the unit hosting the point); then held or cancelled.
import type { SessionMode, SessionPlannedData, SessionStatus } from '@nhip/contracts';

export interface BridgePointInput {
  readonly unitCode: string;
  readonly hostUnitCode: string;
}

export interface SessionPlan {
  readonly sessionId: string;
  readonly courseId: string;
  readonly unitCode: string;
  readonly mode: SessionMode;
  readonly place: string | null;
  /** ISO 8601 with an offset. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly bridgePoints: readonly BridgePointInput[];
}

/** Looked up before deciding: the course, the tree in force on the start day, the units named. */
export interface PlanFacts {
  readonly courseKnown: boolean;
  readonly treeVersion: string | undefined;
  /** Code → path from the province down, for every named code that is a unit of that tree. */
  readonly units: ReadonlyMap<string, readonly string[]>;
}

export interface PlanSession {
  readonly type: 'PlanSession';
  readonly plan: SessionPlan;
  readonly facts: PlanFacts;
  readonly at: string;
}
export interface HoldSession {
  readonly type: 'HoldSession';
  readonly at: string;
}
export interface CancelSession {
  readonly type: 'CancelSession';
  readonly reason: string;
  readonly at: string;
}
export type SessionCommand = PlanSession | HoldSession | CancelSession;

export type SessionEvent =
  | { type: 'SessionPlanned'; data: SessionPlannedData }
  | { type: 'SessionHeld'; data: { sessionId: string; courseId: string; heldAt: string; recordedAt: string } }
  | {
      type: 'SessionCancelled';
      data: { sessionId: string; courseId: string; reason: string; recordedAt: string };
    };

export type SessionState =
  | { readonly status: 'none' }
  | {
      readonly status: SessionStatus;
      readonly sessionId: string;
      readonly courseId: string;
      readonly startsAt: string;
    };

export const sessionStreamPrefix = 'session-';
export const sessionStream = (sessionId: string): string => `${sessionStreamPrefix}${sessionId}`;
