// The batched write path on a real database: every command of a batch decided by the same decider
// as the single path, each with its own outcome, all committed together or not at all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainRuleViolation, type Decider } from '@nhip/decider';
import { eventually, testDatabase } from '@nhip/testing';
import pg from 'pg';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import { migrateEventStore } from '../schema/migrate.ts';
import type { Aggregate } from './aggregate.ts';
import type { CommandEnvelope } from './command-handler.ts';
import { messageIdFor } from './deterministic-id.ts';
import { executeCommand } from './execute-command.ts';
import { executeCommands } from './execute-commands.ts';

type Event = { type: 'Counted'; data: { n: number } };
type Command = { type: 'Count'; n: number };
// Refuses negative counts; a stream's total may not pass 10: rules that depend on state.
const counter: Decider<Command, Event, number> = {
  initialState: () => 0,
  decide: (command, total) => {
    if (command.n < 0) throw new DomainRuleViolation('negative', 'n must be 0 or more', 'n');
    if (total + command.n > 10)
      throw new DomainRuleViolation('too_many', `total ${total} + ${command.n} > 10`, 'n');
    return command.n === 0 ? [] : [{ type: 'Counted', data: { n: command.n } }];
  },
  evolve: (total, event) => total + event.data.n,
};
const projected: string[] = [];
const aggregate: Aggregate<Command, Event, number> = {
  decider: counter,
  toOutbox: (events, env) =>
    events.map((e, i) => ({
      messageId: messageIdFor(env.commandId, i),
      topic: 'public.test.counter.v1',
      key: env.streamId,
      type: 'vn.nhip.test.counted.v1',
      source: '/nhip/test',
      occurredAt: env.metadata.occurredAt,
      data: e.data,
    })),
  project: (_tx, events, env) => {
    projected.push(...events.map((e) => `${env.streamId}+${e.data.n}`));
    return Promise.resolve();
  },
};

describe('executeCommands', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('execute_commands'), max: 10 });
    await migrateEventStore(pool);
  });
  afterAll(() => pool.end());

  const count = (streamId: string, n: number, commandId = randomUUID()): CommandEnvelope<Command> => ({
    commandId,
    streamId,
    command: { type: 'Count', n },
    metadata: { correlationId: 'batch-1', occurredAt: '2026-12-03T01:00:00.000Z', actor: 'tester' },
  });
  const rows = async (table: string, streams: readonly string[]) =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'es_events' ? 'stream_id' : 'message_key'} = ANY($1)`,
        [streams],
      )
    ).rows[0]?.n;

  it('gives each command its outcome: appended, replayed, unchanged, refused by its own state', async () => {
    const [born, grown, retried, refused, nothing] = Array.from({ length: 5 }, () => `c-${randomUUID()}`);
    const earlier = count(retried as string, 4);
    await executeCommand(pool, aggregate, () => Promise.resolve(earlier));
    await executeCommand(pool, aggregate, () => Promise.resolve(count(grown as string, 3)));
    await executeCommand(pool, aggregate, () => Promise.resolve(count(refused as string, 9)));
    projected.length = 0;

    const outcomes = await executeCommands(pool, aggregate, () =>
      Promise.resolve([
        count(born as string, 2),
        count(grown as string, 5),
        earlier,
        count(refused as string, 2),
        count(nothing as string, 0),
      ]),
    );

    expect(outcomes.map((o) => o.status)).toEqual([
      'appended',
      'appended',
      'replayed',
      'refused',
      'unchanged',
    ]);
    expect(outcomes[2]).toEqual({ status: 'replayed', events: [{ type: 'Counted', data: { n: 4 } }] });
    expect(outcomes[3]?.status === 'refused' && outcomes[3].violation.code).toBe('too_many');
    expect(projected.sort()).toEqual([`${born}+2`, `${grown}+5`].sort());
    const store = new PostgresEventStore(pool);
    expect((await store.readStream(grown as string)).version).toBe(2);
    expect(await rows('es_events', [born, grown, retried, refused, nothing] as string[])).toBe(5);
    expect(await rows('es_outbox', [born, grown, retried, refused, nothing] as string[])).toBe(5);
  });

  it('reports a stream created by a concurrent batch between its read and its insert as raced', async () => {
    const stream = `c-${randomUUID()}`;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    // The first batch holds its transaction open after its insert, until the second has read.
    const slow: Aggregate<Command, Event, number> = {
      ...aggregate,
      project: async () => {
        inserted();
        await gate;
      },
    };
    const first = executeCommands(pool, slow, () => Promise.resolve([count(stream, 1)]));
    await firstInserted;
    const second = executeCommands(pool, aggregate, () => Promise.resolve([count(stream, 2)]));
    // Released once the second batch, having read the stream as empty, waits on the first's row.
    await eventually(
      async () =>
        (
          await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows[0]?.n === 1,
    );
    release();
    expect([await first, await second]).toEqual([
      [expect.objectContaining({ status: 'appended' })],
      [{ status: 'raced' }],
    ]);
    expect((await new PostgresEventStore(pool).readStream(stream)).events.map((e) => e.data)).toEqual([
      { n: 1 },
    ]);
  });

  it('writes nothing of a batch whose transaction fails', async () => {
    const streams = [`c-${randomUUID()}`, `c-${randomUUID()}`];
    // The read model refuses the second command's events after both were appended.
    const failing: Aggregate<Command, Event, number> = {
      ...aggregate,
      project: (_tx, _events, env) =>
        env.streamId === streams[1] ? Promise.reject(new Error('read model down')) : Promise.resolve(),
    };
    await expect(
      executeCommands(pool, failing, () => Promise.resolve(streams.map((s) => count(s, 1)))),
    ).rejects.toThrow('read model down');
    expect(await rows('es_events', streams)).toBe(0);
    expect(await rows('es_outbox', streams)).toBe(0);
  });
});
