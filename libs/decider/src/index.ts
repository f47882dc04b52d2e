export { DomainRuleViolation, fold, type Decider, type DomainEvent, type RuleProblem } from './decider.ts';
export { deciderSpec, SpecFailure, type DeciderSpec } from './given-when-then.ts';
