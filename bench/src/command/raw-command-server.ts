// P10's peer, run as a child process like the service: a bare node:http handler that writes one
// report the shortest way pg allows, one statement (its own transaction, one round trip) inserting
// the event row and the outbox row into the event store's own tables and waking the relay. No
// framework, no validation beyond JSON, no replica check: what the single-report path costs at
// the least. The same OutboxRelay carries its messages to Kafka.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ActivityLoggedV1, activitySource } from '@nhip/contracts';
import { migrateEventStore, OutboxRelay } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import pg from 'pg';

const insertSql = `
WITH event AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
  VALUES ($1, 1, $2, 'ActivityLogged', 1, $3::jsonb, $4::jsonb)
), outbox AS (
  INSERT INTO es_outbox (message_id, topic, message_key, type, source, subject, occurred_at, data)
  VALUES ($5, $6, $7, $8, $9, $10, $11, $3::jsonb)
)
SELECT pg_notify('es_outbox', '')`;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset.`);
  return value;
}

async function main(): Promise<void> {
  const connectionString = env('RAW_DATABASE_URL');
  const topicPrefix = env('RAW_TOPIC_PREFIX');
  const messaging = createMessaging({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: 'bench-raw-command',
  });
  const pool = new pg.Pool({ connectionString, max: 12 }); // as the activity service's pool
  await migrateEventStore(pool);
  await messaging.admin.ensureTopics([{ name: `${topicPrefix}${ActivityLoggedV1.topic}`, partitions: 12 }]);
  const relay = new OutboxRelay({ pool, connectionString, publisher: messaging.publisher, topicPrefix });
  await relay.start();
  const server = http.createServer((req, res) => {
    void handle(pool, req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env('RAW_PORT')), '127.0.0.1', () => process.stdout.write('ready\n'));
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void relay
      .stop()
      .then(() => messaging.close())
      .then(() => pool.end());
  });
}

async function handle(pool: pg.Pool, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const report = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string>;
    const activityId = String(report['activityId']);
    const placeCode = String(report['placeCode']);
    const data = JSON.stringify({
      ...report,
      memberId: null,
      campaignId: null,
      communeCode: placeCode.slice(0, 5),
      recordedAt: new Date().toISOString(),
    });
    const metadata = JSON.stringify({
      correlationId: randomUUID(),
      occurredAt: report['occurredAt'],
      actor: 'bench',
    });
    await pool.query(insertSql, [
      `activity-${activityId}`,
      randomUUID(),
      data,
      metadata,
      randomUUID(),
      ActivityLoggedV1.topic,
      placeCode.slice(0, 5),
      ActivityLoggedV1.type,
      activitySource,
      activityId,
      report['occurredAt'],
    ]);
    res.writeHead(201, { 'content-type': 'application/json' }).end(data);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
