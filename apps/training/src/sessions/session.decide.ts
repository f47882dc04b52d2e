// A session is planned once (every rule of checkPlan passed), then held (not before it starts) or
// cancelled; a held session is never cancelled and a cancelled one never held. Holding or
// cancelling twice changes nothing.
import { DomainRuleViolation } from '@nhip/decider';
import { checkPlan } from './check-plan.decide.ts';
import type {
  CancelSession,
  HoldSession,
  PlanSession,
  SessionCommand,
  SessionEvent,
  SessionState,
} from './session.ts';

type Planned = Exclude<SessionState, { status: 'none' }>;

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  if (command.type === 'PlanSession') return plan(command, state);
  if (state.status === 'none')
    throw new DomainRuleViolation('session_not_found', 'No such session.', 'sessionId');
  return command.type === 'HoldSession' ? hold(command, state) : cancel(command, state);
}

function plan(command: PlanSession, state: SessionState): SessionEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation(
      'session_already_registered',
      `Session ${command.plan.sessionId} is already planned: choose another id.`,
      'sessionId',
    );
  }
  const problems = checkPlan(command.plan, command.facts);
  if (problems.length > 0) throw DomainRuleViolation.of(problems);
  const { plan: p, facts } = command;
  return [
    {
      type: 'SessionPlanned',
      data: {
        ...p,
        bridgePoints: p.bridgePoints.map(({ unitCode, hostUnitCode }) => ({ unitCode, hostUnitCode })),
        treeVersion: facts.treeVersion ?? '',
        unitPath: [...(facts.units.get(p.unitCode) ?? [])],
        recordedAt: command.at,
      },
    },
  ];
}

function hold(command: HoldSession, state: Planned): SessionEvent[] {
  if (state.status === 'held') return [];
  if (state.status === 'cancelled')
    throw new DomainRuleViolation(
      'session_cancelled',
      'The session was cancelled: it cannot be held.',
      'sessionId',
    );
  if (Date.parse(command.at) < Date.parse(state.startsAt)) {
    throw new DomainRuleViolation(
      'session_not_started',
      `The session starts at ${state.startsAt}: record it as held once it has taken place.`,
      'sessionId',
    );
  }
  const { sessionId, courseId, startsAt } = state;
  return [{ type: 'SessionHeld', data: { sessionId, courseId, heldAt: startsAt, recordedAt: command.at } }];
}

function cancel(command: CancelSession, state: Planned): SessionEvent[] {
  if (state.status === 'cancelled') return [];
  if (state.status === 'held') {
    throw new DomainRuleViolation(
      'session_already_held',
      'The session was held: its attendance stands, it cannot be cancelled.',
      'sessionId',
    );
  }
  const { sessionId, courseId } = state;
  return [
    {
      type: 'SessionCancelled',
      data: { sessionId, courseId, reason: command.reason, recordedAt: command.at },
    },
  ];
}
