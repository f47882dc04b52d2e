import { inSpan } from '@nhip/telemetry';
import type pg from 'pg';
import { appendNewStreamsSql } from './append-new-streams.sql.ts';
import { eventColumns } from './append.sql.ts';
import { ConcurrencyConflict, DuplicateEventId } from './errors.ts';
import type {
  AppendResult,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  OutboxMessage,
  RecordedEvent,
} from './types.ts';
import {
  appendStatement,
  eventRow,
  isUniqueViolation,
  recordedEvent,
  toOutboxRow,
  type AppendedRow,
  type EventRow,
} from './rows.ts';
import type { EventSchemas } from './upcasters.ts';

export interface StreamRead {
  /** 0 for a stream with no events. */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

type Queryable = Pick<pg.Pool, 'query'>;

interface NewStreamItem {
  readonly streamId: string;
  readonly event: NewEvent;
  readonly outbox: readonly OutboxMessage[];
}

export class PostgresEventStore {
  readonly #db: Queryable;
  readonly #schemas: EventSchemas;

  constructor(db: Queryable, schemas: EventSchemas = {}) {
    this.#db = db;
    this.#schemas = schemas;
  }

  /** Appends in a span of its own, whose context the outbox rows store (docs/adr/0031). */
  appendToStream(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    outbox: readonly OutboxMessage[] = [],
  ): Promise<AppendResult> {
    return inSpan('event store append', () => this.#appendToStream(streamId, expected, events, outbox));
  }

  async #appendToStream(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    outbox: readonly OutboxMessage[],
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event.');
    const rows = events.map((e) => eventRow(this.#schemas, e));
    let row: AppendedRow | undefined;
    try {
      row = (await this.#db.query<AppendedRow>(appendStatement(streamId, expected, rows, outbox))).rows[0];
    } catch (error) {
      if (isUniqueViolation(error, 'es_events_event_id_key')) return this.#recogniseRetry(streamId, events);
      throw error;
    }
    if (row?.version == null || row.last_position === null)
      return this.#versionMoved(streamId, expected, events);
    return {
      nextExpectedVersion: row.version,
      lastGlobalPosition: BigInt(row.last_position),
      alreadyAppended: false,
    };
  }

  /**
   * Creates many streams of one event each, with their outbox messages, in one statement. Streams
   * that already exist are skipped (their events and messages are not written) and not in the
   * returned set. Stream ids must be unique within the call.
   */
  appendNewStreams(items: readonly NewStreamItem[]): Promise<ReadonlySet<string>> {
    return inSpan('event store append', () => this.#appendNewStreams(items));
  }

  async #appendNewStreams(items: readonly NewStreamItem[]): Promise<ReadonlySet<string>> {
    if (items.length === 0) return new Set();
    const { rows } = await this.#db.query<{ created: string[] }>({
      name: 'nhip_es_append_new_streams',
      text: appendNewStreamsSql,
      values: [
        JSON.stringify(items.map((i) => ({ stream_id: i.streamId, ...eventRow(this.#schemas, i.event) }))),
        JSON.stringify(
          items.flatMap((i) =>
            i.outbox.map((m) => {
              const row = { stream_id: i.streamId, ...toOutboxRow(m) };
              // The same object as the event's data: sent once, the statement copies it.
              return m.data === i.event.data ? { ...row, data: null } : row;
            }),
          ),
        ),
      ],
    });
    return new Set(rows[0]?.created ?? []);
  }

  /** Whole streams for a batch of commands, in one query; a stream not yet born reads as empty. */
  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, StreamRead>> {
    const { rows } = await this.#db.query<EventRow>(
      `SELECT ${eventColumns} FROM es_events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    const events = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) events.get(row.stream_id)?.push(recordedEvent(this.#schemas, row));
    return new Map(
      [...events].map(([id, list]) => [id, { version: list.at(-1)?.streamVersion ?? 0, events: list }]),
    );
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const { rows } = await this.#db.query<EventRow>(
      `SELECT ${eventColumns} FROM es_events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    const events = rows.map((r) => recordedEvent(this.#schemas, r));
    return { version: events.at(-1)?.streamVersion ?? 0, events };
  }

  /**
   * Events after `after` in commit-safe order: by writing transaction, then position, and only
   * from transactions older than every one still running. A transaction that commits after a
   * later one is therefore read late, never skipped.
   */
  async readAll(after: LogPosition, limit = 1000): Promise<readonly RecordedEvent[]> {
    const { rows } = await this.#db.query<EventRow>(
      // Qualified on purpose: unqualified, ORDER BY would sort the selected ::text columns of the
      // same names, as strings ("10000" before "4764"), and pages would overlap and skip.
      `SELECT ${eventColumns} FROM es_events e
        WHERE (e.tx_id, e.global_position) > ($1::text::xid8, $2::bigint)
          AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.tx_id, e.global_position
        LIMIT $3`,
      [after.txId.toString(), after.globalPosition.toString(), limit],
    );
    return rows.map((r) => recordedEvent(this.#schemas, r));
  }

  // A retry of an append that succeeded finds the version moved on; that is not a conflict.
  async #versionMoved(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    const retry = await this.#findAppended(streamId, events);
    if (retry) return retry;
    throw new ConcurrencyConflict(streamId, String(expected));
  }

  async #recogniseRetry(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    const retry = await this.#findAppended(streamId, events);
    if (retry) return retry;
    throw new DuplicateEventId(events.map((e) => e.eventId));
  }

  /** The original result if exactly these events were already appended to this stream, in order. */
  async #findAppended(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const ids = events.map((e) => e.eventId);
    const { rows } = await this.#db.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      global_position: string;
    }>(
      `SELECT event_id::text, stream_id, stream_version, global_position::text
         FROM es_events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version`,
      [ids],
    );
    if (rows.length === 0) return undefined;
    const sameEvents =
      rows.length === ids.length &&
      rows.every((r, i) => r.stream_id === streamId && r.event_id === ids[i]?.toLowerCase());
    if (!sameEvents) throw new DuplicateEventId(rows.map((r) => r.event_id));
    const last = rows[rows.length - 1] as (typeof rows)[number];
    return {
      nextExpectedVersion: last.stream_version,
      lastGlobalPosition: BigInt(last.global_position),
      alreadyAppended: true,
    };
  }
}
