// The simulated province's day: how busy the teams are at an hour of Vietnam's day, and what one
// report looks like (kind, residents, sometimes late). Pure, so the shape of a day can be tested.
import { activityKinds, type ActivityKind } from '@nhip/contracts';

const kinds = Object.keys(activityKinds) as ActivityKind[];
// VNeID and the public-service portal are what the teams are asked for most.
const weights: Partial<Record<ActivityKind, number>> = {
  vneid_activation: 6,
  public_service_account: 3,
  online_application: 3,
};

/** Share of the configured rate at an hour of the day (UTC+7): office hours busy, nights quiet. */
export function busyness(hour: number): number {
  if (hour < 6 || hour >= 22) return 0.1;
  if (hour >= 11 && hour < 13) return 0.5;
  if (hour >= 17) return 0.35;
  return 1;
}

export const vietnamHour = (now: Date): number => (now.getUTCHours() + 7) % 24;

export interface Draw {
  /** Uniform in [0, 1). */
  (): number;
}

export function pickKind(draw: Draw): ActivityKind {
  const total = kinds.reduce((n, k) => n + (weights[k] ?? 1), 0);
  let left = draw() * total;
  for (const kind of kinds) {
    left -= weights[kind] ?? 1;
    if (left < 0) return kind;
  }
  return 'other';
}

export interface SimulatedReport {
  readonly kind: ActivityKind;
  readonly residentsHelped: number;
  readonly occurredAt: string;
}

/** One report: mostly just now, one in twenty a late one from the last three days. */
export function simulatedReport(now: Date, draw: Draw): SimulatedReport {
  const late = draw() < 0.05 ? Math.ceil(draw() * 3) * 86_400_000 : 0;
  const at = new Date(now.getTime() - late - Math.floor(draw() * 60_000));
  return { kind: pickKind(draw), residentsHelped: 1 + Math.floor(draw() * 12), occurredAt: at.toISOString() };
}
