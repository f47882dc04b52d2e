// One report followed across processes: the activity service's HTTP request, its event store
// append, the outbox relay's publish, the Kafka message's traceparent header and the KPI service's
// consumer, all in the one trace the client started, each span the child of the one before; and
// on through the KPI service's changed values to the projection's consumer.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { readSpanLines, type SpanLine } from '@nhip/telemetry';
import { eventually, kafkaBrokers } from '@nhip/testing';
import { postReport, startTracedPlatform, villageWithTeam, type TracedPlatform } from './trace-platform.ts';

const units2024 = fs.readFileSync(new URL('../../apps/kpi/src/fixtures/units-2024.csv', import.meta.url));
const [server, producer, consumer] = [1, 3, 4];

describe('a trace across Kafka', () => {
  let platform: TracedPlatform;

  beforeAll(async () => {
    platform = await startTracedPlatform();
    const imported = await platform.registry.post(
      '/unit-trees/vn-2024/imports?effectiveFrom=2024-01-01',
      units2024,
      {
        'content-type': 'text/csv',
      },
    );
    expect(imported.status).toBeLessThan(300);
  });
  afterAll(() => platform.stop());

  it('runs from the request through the append, the relay and Kafka to the KPI consumer, and on to the projection', async () => {
    const { place, teamId } = await villageWithTeam(platform.registry, '20206');
    const traceId = randomBytes(16).toString('hex');
    const activityId = randomUUID();
    const report = {
      activityId,
      teamId,
      placeCode: place,
      kind: 'vneid_activation',
      residentsHelped: 3,
      occurredAt: '2024-03-10T08:00:00+07:00',
    };
    await postReport(platform.activity, report, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });

    const spans = await eventually(
      () => {
        const mine = readSpanLines(platform.traceFile).filter((s) => s.traceId === traceId);
        return mine.some((s) => s.service === 'kpi' && s.kind === consumer) ? mine : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (span: SpanLine | undefined) =>
      span?.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    const ancestors = (span: SpanLine | undefined): SpanLine[] => {
      const parent = parentOf(span);
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const processed = spans.find((s) => s.service === 'kpi' && s.kind === consumer);
    const published = parentOf(processed);
    const appended = parentOf(published);
    expect(published).toMatchObject({
      service: 'activity',
      kind: producer,
      name: `publish ${publicTopics.activity}`,
    });
    expect(appended).toMatchObject({ service: 'activity', name: 'event store append' });
    // The append happened inside the accepted request (201), through its handler's spans.
    const request = ancestors(appended).find(
      (s) => s.kind === server && s.attributes['http.response.status_code'] === 201,
    );
    expect(request).toMatchObject({ service: 'activity', attributes: { 'http.route': '/activities' } });
    // PostgreSQL is instrumented: the append's statement is a client span under it.
    expect(
      spans.some(
        (s) =>
          s.kind === 2 &&
          s.parentSpanId === appended?.spanId &&
          s.attributes['db.system.name'] === 'postgresql',
      ),
    ).toBe(true);
    expect(processed?.attributes['messaging.consumer.group.name']).toBe(`${platform.topicPrefix}kpi.inputs`);
    // The KPI service's changed values carry the trace on to the projection's consumer.
    const projected = await eventually(
      () =>
        readSpanLines(platform.traceFile).find(
          (s) => s.traceId === traceId && s.service === 'projection' && s.kind === consumer,
        ),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(projected.attributes['messaging.consumer.group.name']).toBe(
      `${platform.topicPrefix}projection.inputs`,
    );

    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'trace-e2e-reader' });
    try {
      const messages = await readTopic(messaging, `${platform.topicPrefix}${publicTopics.activity}`);
      const message = messages.find((m) => m.value.toString().includes(activityId));
      expect(message?.headers['traceparent']).toBe(`00-${traceId}-${published?.spanId}-01`);
      expect(message?.headers['ce_type']).toBeDefined();
    } finally {
      await messaging.close();
    }
  });
});
