// The one-statement path for commands that start their stream, and its fall-backs to the full path.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainRuleViolation, type Decider } from '@nhip/decider';
import { testDatabase } from '@nhip/testing';
import pg from 'pg';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import { migrateEventStore } from '../schema/migrate.ts';
import { noReadModel, type Aggregate } from './aggregate.ts';
import type { CommandEnvelope } from './command-handler.ts';
import { executeFirstCommand } from './execute-first-command.ts';

type Event = { type: 'Reported'; data: { n: number } };
// `allowed` stands for facts looked up before deciding: they may change between a command and its retry.
type Command = { type: 'Report'; n: number; allowed: boolean };
const reports: Decider<Command, Event, number> = {
  initialState: () => 0,
  decide: (command, count) => {
    if (!command.allowed) throw new DomainRuleViolation('not_allowed', 'not allowed', 'allowed');
    if (count > 0) throw new DomainRuleViolation('already_reported', 'already reported', 'id');
    return [{ type: 'Reported', data: { n: command.n } }];
  },
  evolve: (count) => count + 1,
};
const aggregate: Aggregate<Command, Event, number> = {
  decider: reports,
  toOutbox: () => [],
  project: noReadModel,
};

describe('executeFirstCommand', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('execute_first_command'), max: 4 });
    await migrateEventStore(pool);
  });
  afterAll(() => pool.end());

  const report = (
    streamId: string,
    n: number,
    allowed = true,
    commandId = randomUUID(),
  ): CommandEnvelope<Command> => ({
    commandId,
    streamId,
    command: { type: 'Report', n, allowed },
    metadata: { correlationId: 'c', occurredAt: '2026-12-03T01:00:00.000Z', actor: 'tester' },
  });
  const stored = async (streamId: string) =>
    (await new PostgresEventStore(pool).readStream(streamId)).events.map((e) => e.data);

  it('starts a stream, and answers a retry with the first answer', async () => {
    const stream = `r-${randomUUID()}`;
    const first = report(stream, 7);
    const written = await executeFirstCommand(pool, aggregate, first);
    const retried = await executeFirstCommand(pool, aggregate, first);
    expect([written.append?.alreadyAppended, retried.append?.alreadyAppended]).toEqual([false, true]);
    expect(retried.events).toEqual(written.events);
    expect(await stored(stream)).toEqual([{ n: 7 }]);
  });

  it('answers a retry refused by facts changed since with what it did the first time', async () => {
    const stream = `r-${randomUUID()}`;
    const first = report(stream, 3);
    await executeFirstCommand(pool, aggregate, first);
    const retried = await executeFirstCommand(pool, aggregate, {
      ...first,
      command: { ...first.command, allowed: false },
    });
    expect(retried).toMatchObject({ events: [{ data: { n: 3 } }], append: { alreadyAppended: true } });
  });

  it('judges another command on an existing stream by its state, and refuses a new one by its facts', async () => {
    const stream = `r-${randomUUID()}`;
    await executeFirstCommand(pool, aggregate, report(stream, 1));
    await expect(executeFirstCommand(pool, aggregate, report(stream, 2))).rejects.toMatchObject({
      code: 'already_reported',
    });
    await expect(
      executeFirstCommand(pool, aggregate, report(`r-${randomUUID()}`, 2, false)),
    ).rejects.toMatchObject({
      code: 'not_allowed',
    });
    expect(await stored(stream)).toEqual([{ n: 1 }]);
  });

  it('refuses an aggregate that keeps a read model in the same transaction', async () => {
    const withReadModel = { ...aggregate, project: () => Promise.resolve() };
    await expect(executeFirstCommand(pool, withReadModel, report(`r-${randomUUID()}`, 1))).rejects.toThrow(
      /executeCommand/,
    );
  });
});
