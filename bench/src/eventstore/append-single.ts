// P2 (a): single-event commands from 8 concurrent writers, ours against Emmett on one database.
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore } from '@nhip/event-sourcing';
import type pg from 'pg';
import { activityEvent } from './fixtures.ts';

export interface Appender {
  readonly name: string;
  append(stream: string, version: number, i: number): Promise<void>;
  close(): Promise<void>;
}

export function ourAppender(pool: pg.Pool): Appender {
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours',
    append: async (stream, version, i) => {
      await store.appendToStream(stream, version === 0 ? 'no_stream' : version, [activityEvent(i)]);
    },
    close: () => Promise.resolve(),
  };
}

export function emmettAppender(connectionString: string): Appender {
  const store = getPostgreSQLEventStore(connectionString);
  return {
    name: 'emmett',
    append: async (stream, version, i) => {
      const e = activityEvent(i);
      await store.appendToStream(
        stream,
        [{ type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata } }],
        {
          expectedStreamVersion: BigInt(version),
        },
      );
    },
    close: () => store.close(),
  };
}

/** `writers` loops, each appending one event per command to its own streams, for `ms`. */
export async function measureAppends(
  appender: Appender,
  writers: number,
  ms: number,
  round: number,
): Promise<number> {
  let done = 0;
  const deadline = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      // Ten streams per writer, ten events each, so both stores see new and existing streams.
      const versions = new Map<string, number>();
      for (let i = 0; performance.now() < deadline; i++) {
        const stream = `${appender.name}-r${round}-w${w}-s${Math.floor(i / 10)}`;
        const version = versions.get(stream) ?? 0;
        await appender.append(stream, version, i);
        versions.set(stream, version + 1);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}
