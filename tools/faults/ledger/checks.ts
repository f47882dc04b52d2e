// Checks (a)–(g) of ../shared/quality-bars.md after a fault and quiescence, as data: each held or
// not, with the counts that decide it (docs/adr/0020).
import { readDeadLetterRecords } from '@nhip/event-sourcing';
import pg from 'pg';
import type { KafkaView } from './kafka-view.ts';
import type { Ledger } from './ledger.ts';
import {
  acknowledgedStored,
  contiguousVersions,
  nothingUnpublished,
  storeEqualsTopic,
  sum,
  type Opened,
} from './store-checks.ts';
import type { ConsumerGroup, LedgerTarget } from './target.ts';

export interface CheckResult {
  readonly id: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
  readonly name: string;
  readonly held: boolean;
  readonly counts: Record<string, number>;
}

export interface CheckInput {
  readonly targets: readonly LedgerTarget[];
  readonly ledger: Ledger;
  readonly kafka: KafkaView;
  readonly topicPrefix: string;
  /** Poison messages the fault put on consumed topics. */
  readonly poisonInjected: number;
}

/** (d) no read-model row lost or counted twice. */
async function readModelsEqualRebuild(input: CheckInput): Promise<CheckResult> {
  const tables = (await Promise.all(input.targets.map((t) => t.compareReadModels()))).flat();
  const counts = {
    tables: tables.length,
    liveRows: sum(tables.map((t) => t.liveRows)),
    missing: sum(tables.map((t) => t.missing)),
    extra: sum(tables.map((t) => t.extra)),
    // The KPI totals and projection values compared, when those ran: a check over none proves nothing.
    ...Object.fromEntries(
      tables
        .filter((t) => t.table === 'kpi_rollups' || t.table === 'projection_values')
        .map((t) => [t.table === 'kpi_rollups' ? 'kpiCells' : 'projectionValues', t.liveRows]),
    ),
  };
  const held = counts.missing === 0 && counts.extra === 0;
  return { id: 'd', name: 'read models = a rebuild from the events', held, counts };
}

const groupsOf = (input: CheckInput): ConsumerGroup[] => input.targets.flatMap((t) => t.consumerGroups);

/** (f) every consumer group caught up. */
async function lagZero(input: CheckInput): Promise<CheckResult> {
  const groups = groupsOf(input);
  const lag = sum(await Promise.all(groups.map((g) => input.kafka.lag(g))));
  return {
    id: 'f',
    name: 'consumer lag 0 for every group',
    held: lag === 0,
    counts: { groups: groups.length, lag },
  };
}

/** Distinct dead letters a group wrote for one topic, by the original message's place. */
async function deadLettersOf(input: CheckInput, group: ConsumerGroup, topic: string): Promise<string[]> {
  const { letters } = readDeadLetterRecords(await input.kafka.read(`${topic}.dlt`));
  return letters.filter((l) => l.consumer === group.group).map((l) => l.originalPlace);
}

/** (g) everything poisonous dead-lettered once, and nothing else. */
async function deadLettersEqualPoison(input: CheckInput): Promise<CheckResult> {
  const letters = new Set<string>();
  for (const group of groupsOf(input))
    for (const topic of group.topics)
      for (const l of await deadLettersOf(input, group, topic)) letters.add(l);
  const counts = { poisonInjected: input.poisonInjected, deadLetters: letters.size };
  return {
    id: 'g',
    name: 'dead letters = poison injected',
    held: letters.size === input.poisonInjected,
    counts,
  };
}

export async function runChecks(input: CheckInput): Promise<CheckResult[]> {
  const opened: Opened[] = input.targets.map((target) => ({
    target,
    db: new pg.Pool({ connectionString: target.databaseUrl, max: 2 }),
  }));
  try {
    return [
      await acknowledgedStored(input, opened),
      await storeEqualsTopic(input, opened),
      await nothingUnpublished(opened),
      await readModelsEqualRebuild(input),
      await contiguousVersions(opened),
      await lagZero(input),
      await deadLettersEqualPoison(input),
    ];
  } finally {
    await Promise.all(opened.map((o) => o.db.end()));
  }
}
