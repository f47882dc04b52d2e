// The generic write path on a real database, with a tiny volunteer-roster decider.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainRuleViolation, type Decider } from '@nhip/decider';
import { testDatabase } from '@nhip/testing';
import pg from 'pg';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import { migrateEventStore } from '../schema/migrate.ts';
import { handleCommand, type CommandEnvelope } from './command-handler.ts';
import { messageIdFor } from './deterministic-id.ts';

type Event = { type: 'MemberAdded'; data: { memberId: string } };
type Command = { type: 'AddMember'; memberId: string };
const roster: Decider<Command, Event, Set<string>> = {
  initialState: () => new Set(),
  decide: (command, members) => {
    if (members.has(command.memberId))
      throw new DomainRuleViolation('member_already_in_team', 'already a member', 'memberId');
    return [{ type: 'MemberAdded', data: { memberId: command.memberId } }];
  },
  evolve: (members, event) => new Set([...members, event.data.memberId]),
};

describe('handleCommand', () => {
  let pool: pg.Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('command_handler'), max: 10 });
    await migrateEventStore(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  const envelope = (
    streamId: string,
    memberId: string,
    commandId = randomUUID(),
  ): CommandEnvelope<Command> => ({
    commandId,
    streamId,
    command: { type: 'AddMember', memberId },
    metadata: { correlationId: randomUUID(), occurredAt: '2024-03-05T08:00:00.000Z', actor: 'leader-1' },
  });
  const toOutbox = (events: readonly Event[], env: CommandEnvelope<Command>) =>
    events.map((e, i) => ({
      messageId: messageIdFor(env.commandId, i),
      topic: 'public.registry.membership.v1',
      key: env.streamId,
      type: 'vn.nhip.registry.member.added.v1',
      source: '/nhip/registry',
      occurredAt: env.metadata.occurredAt,
      data: e.data,
    }));

  it('folds, decides and appends with the version it folded, outbox included', async () => {
    const team = `team-${randomUUID()}`;
    await handleCommand(store, roster, envelope(team, 'm1'), toOutbox);
    const second = await handleCommand(store, roster, envelope(team, 'm2'), toOutbox);
    expect(second.append?.nextExpectedVersion).toBe(2);
    const { events } = await store.readStream(team);
    expect(events.map((e) => e.data)).toEqual([{ memberId: 'm1' }, { memberId: 'm2' }]);
    expect(events[1]?.metadata).toMatchObject({ actor: 'leader-1', occurredAt: '2024-03-05T08:00:00.000Z' });
    const { rows } = await pool.query('SELECT 1 FROM es_outbox WHERE message_key = $1', [team]);
    expect(rows).toHaveLength(2);
  });

  it('answers a retried command with its original result instead of refusing it', async () => {
    const team = `team-${randomUUID()}`;
    const command = envelope(team, 'm1');
    const first = await handleCommand(store, roster, command, toOutbox);
    const retry = await handleCommand(store, roster, command, toOutbox);
    expect(retry.events).toEqual(first.events);
    expect(retry.append).toEqual({ ...first.append, alreadyAppended: true });
    expect((await store.readStream(team)).events).toHaveLength(1);
  });

  it('refuses a command its rules reject and writes nothing', async () => {
    const team = `team-${randomUUID()}`;
    await handleCommand(store, roster, envelope(team, 'm1'));
    await expect(handleCommand(store, roster, envelope(team, 'm1'))).rejects.toMatchObject({
      code: 'member_already_in_team',
      field: 'memberId',
    });
    expect((await store.readStream(team)).version).toBe(1);
  });

  it('turns a concurrent command on the same stream into a conflict for the loser', async () => {
    const team = `team-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((m) => handleCommand(store, roster, envelope(team, m))),
    );
    const winners = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(winners).toBeGreaterThanOrEqual(1);
    expect((await store.readStream(team)).version).toBe(winners);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as Error).name).toBe('ConcurrencyConflict');
  });
});
