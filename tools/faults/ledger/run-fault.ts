// One fault run (docs/adr/0020): the supervised platform on fresh databases and topics, seeded; the
// load on; the fault injected and healed; the time until every service is ready again and every
// consumer caught up; then quiescence and checks (a)–(g).
import { pendingOutboxCount } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, type Messaging } from '@nhip/messaging';
import pg from 'pg';
import { runChecks, type CheckResult } from './checks.ts';
import { KafkaView } from './kafka-view.ts';
import type { Crash } from './crashes.ts';
import type { OutcomeCounts } from './ledger.ts';
import { startLoad } from './load.ts';
import { FaultPlatform, type PlatformOptions } from './platform.ts';
import { personas } from '@nhip/dev-issuer';
import { commands, seed, signedInAs, type Workload } from './workload.ts';

export interface FaultContext {
  readonly platform: FaultPlatform;
  readonly kafka: KafkaView;
  readonly messaging: Messaging;
  /** Evidence for the results (proxy stats, restarts, messages duplicated). */
  note(key: string, value: unknown): void;
}

export interface Fault {
  readonly name: string;
  readonly description: string;
  /** Before the platform starts: extra environment (a proxy in the path, failpoints). */
  prepare?(): Promise<PlatformOptions['env']>;
  /** Under load: starts the fault and returns once it has done its harm. */
  inject(ctx: FaultContext): Promise<void>;
  /** Ends it; recovery is timed from here. */
  heal(ctx: FaultContext): Promise<void>;
  /** Poison put on consumed topics, which must all be dead-lettered. */
  poisonInjected?: number;
  cleanup?(): Promise<void>;
  /** Services beyond registry and activity the fault needs running. */
  readonly services?: PlatformOptions['services'];
}

export interface FaultResult {
  readonly fault: string;
  readonly description: string;
  readonly commands: OutcomeCounts;
  readonly notOkReasons: Record<string, number>;
  readonly checks: readonly CheckResult[];
  readonly held: boolean;
  /** Heal → every service answers /health/ready. */
  readonly recoveryMs: number;
  /** Fault injected → every service answers /health/ready (the outage as the services lived it). */
  readonly faultToReadyMs: number;
  /** Load stopped → no outbox row pending and every consumer group's lag 0. */
  readonly drainMs: number;
  readonly restarts: Record<string, number>;
  /** Per service, its exits nobody planned with its last words (a crash loop says why here). */
  readonly crashes: Record<string, readonly Crash[]>;
  readonly notes: Record<string, unknown>;
  /** Set when the run itself broke (the platform never came up, a fault could not be injected). */
  readonly error?: string;
}

/** A run that could not finish: nothing held, and why. */
export function brokenRun(fault: Fault, error: unknown): FaultResult {
  const none = { ok: 0, failed: 0, unknown: 0 };
  return {
    fault: fault.name,
    description: fault.description,
    commands: none,
    notOkReasons: {},
    checks: [],
    held: false,
    recoveryMs: Number.NaN,
    faultToReadyMs: Number.NaN,
    drainMs: Number.NaN,
    restarts: {},
    crashes: {},
    notes: {},
    error: error instanceof Error ? error.message : String(error),
  };
}

export interface RunOptions extends Workload {
  readonly warmupMs: number;
  /** Load kept on after the services are ready again. */
  readonly afterMs: number;
  readonly pauseMs?: number;
  readonly progress?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function caughtUp(platform: FaultPlatform, kafka: KafkaView, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const pools = platform.targets().map((t) => new pg.Pool({ connectionString: t.databaseUrl, max: 1 }));
  try {
    for (;;) {
      const pending = await Promise.all(pools.map((p) => pendingOutboxCount(p).catch(() => -1)));
      const lags = await Promise.all(
        platform
          .targets()
          .flatMap((t) => t.consumerGroups)
          .map((g) => kafka.lag(g).catch(() => -1)),
      );
      if ([...pending, ...lags].every((n) => n === 0)) return Date.now() - started;
      if (Date.now() - started > timeoutMs) return Date.now() - started;
      await sleep(250);
    }
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}

interface Timings {
  readonly recoveryMs: number;
  readonly faultToReadyMs: number;
}

/** Inject, heal, and time the way back to ready. */
async function injectAndHeal(fault: Fault, ctx: FaultContext, say: (line: string) => void): Promise<Timings> {
  const injected = Date.now();
  await fault.inject(ctx);
  say('  fault injected; healing');
  await fault.heal(ctx);
  const healed = Date.now();
  await ctx.platform.waitReady(180_000);
  const timings = { recoveryMs: Date.now() - healed, faultToReadyMs: Date.now() - injected };
  say(`  ready again ${(timings.recoveryMs / 1000).toFixed(1)} s after the heal`);
  return timings;
}

async function underLoad(fault: Fault, ctx: FaultContext, options: RunOptions): Promise<FaultResult> {
  const say = options.progress ?? (() => undefined);
  const { platform, kafka } = ctx;
  const teams = await seed(platform);
  const load = startLoad({
    clients: options.reporters + options.registrars,
    next: commands(platform, teams, {
      ...options,
      authorization: await signedInAs(personas.communeOfficer),
    }),
    pauseMs: options.pauseMs,
  });
  say(`  load on (${options.reporters} reporters, ${options.registrars} registrars); injecting`);
  await sleep(options.warmupMs);
  const timings = await injectAndHeal(fault, ctx, say);
  await sleep(options.afterMs);
  await load.stop();
  const drainMs = await caughtUp(platform, kafka, 180_000);
  say('  quiet; checking (a)–(g)');
  const checks = await runChecks({
    targets: platform.targets(),
    ledger: load.ledger,
    kafka,
    topicPrefix: platform.topicPrefix,
    poisonInjected: fault.poisonInjected ?? 0,
  });
  return {
    fault: fault.name,
    description: fault.description,
    commands: load.ledger.counts(),
    notOkReasons: load.ledger.reasons(),
    checks,
    held: checks.every((c) => c.held),
    ...timings,
    drainMs,
    restarts: Object.fromEntries(platform.services().map((s) => [s, platform.state(s).restarts])),
    crashes: Object.fromEntries(
      platform
        .services()
        .map((s) => [s, platform.crashes(s)] as const)
        .filter(([, crashes]) => crashes.length > 0),
    ),
    notes: {},
  };
}

export async function runFault(fault: Fault, options: RunOptions): Promise<FaultResult> {
  const env = await fault.prepare?.();
  const platform = await FaultPlatform.start({ run: fault.name, env, services: fault.services });
  const messaging = createMessaging(kafkaConnectionFromEnv('fault-ledger'));
  const kafka = await KafkaView.open((process.env['KAFKA_BROKERS'] ?? '').split(','), messaging);
  const notes: Record<string, unknown> = {};
  const ctx: FaultContext = { platform, kafka, messaging, note: (k, v) => (notes[k] = v) };
  try {
    return { ...(await underLoad(fault, ctx, options)), notes };
  } finally {
    await kafka.close();
    await messaging.close();
    await platform.stop({ keepData: process.env['NHIP_FAULTS_KEEP'] === '1' });
    await fault.cleanup?.();
  }
}
