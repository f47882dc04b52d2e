// The platform's Prometheus metrics, one registry per process. Names follow the OpenTelemetry
// semantic conventions where one exists (http.server.request.duration in Prometheus' spelling)
// and `nhip_*` otherwise; docs/adr/0031 lists them. Everything here is an aggregate: no unit
// code, team or person ever becomes a label, which is why /metrics may answer without a token.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { watched, type Watched } from './watched.ts';

export const registry = new Registry();

let processMetrics = false;
/**
 * Process memory, CPU, handles and event-loop delay (nodejs_eventloop_lag_*), sampled every 10 ms;
 * started by the process that serves /metrics, not by every process that imports this module.
 */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
}

// The semantic conventions' advised boundaries for http.server.request.duration.
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

export const httpServerDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP server requests (OpenTelemetry http.server.request.duration).',
  labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
  buckets: httpBuckets,
  registers: [registry],
});

export const deadLetters = new Counter({
  name: 'nhip_dead_letters_total',
  help: 'Messages a consumer group set aside on <topic>.dlt, by group and source topic.',
  labelNames: ['group', 'topic'] as const,
  registers: [registry],
});

export const eventFreshness = new Histogram({
  name: 'nhip_event_freshness_seconds',
  help: 'Seconds from an event leaving its service (Kafka timestamp) to a stage having applied it: a consumer group, or the live stream.',
  labelNames: ['stage'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

export const rebuildProgress = new Gauge({
  name: 'nhip_rebuild_progress_ratio',
  help: 'How far a read-model rebuild has come, 0 to 1 (1 when done), by rebuild.',
  labelNames: ['rebuild'] as const,
  registers: [registry],
});

/** Consumer groups whose lag is read at each scrape, by group name. */
export const consumerLags: Watched<bigint> = watched();
/** Outbox relays whose backlog is read at each scrape, by database. */
export const outboxBacklogs: Watched<{ pending: number; oldestAgeSeconds: number }> = watched();

new Gauge({
  name: 'nhip_consumer_lag_messages',
  help: 'Messages on a consumer group’s partitions not yet applied, read from the broker at scrape.',
  labelNames: ['group'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [group, lag] of await consumerLags.read()) this.set({ group }, Number(lag));
  },
});

// Both backlog gauges show one read of the outbox per scrape: the count and the age of the same
// snapshot, one query instead of two. The first gauge's collect starts it, the second takes it.
let backlogRead: ReturnType<typeof outboxBacklogs.read> | undefined;

new Gauge({
  name: 'nhip_outbox_pending_messages',
  help: 'Outbox rows committed but not yet published to Kafka (the relay’s backlog).',
  registers: [registry],
  async collect() {
    backlogRead = outboxBacklogs.read();
    this.set(sum((await backlogRead).map(([, b]) => b.pending)));
  },
});

new Gauge({
  name: 'nhip_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest unpublished outbox row (the relay’s lag); 0 when nothing waits.',
  registers: [registry],
  async collect() {
    const read = backlogRead ?? outboxBacklogs.read();
    backlogRead = undefined;
    this.set(Math.max(0, ...(await read).map(([, b]) => b.oldestAgeSeconds)));
  },
});

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The registry in Prometheus' text format, with its content type. */
export async function metricsText(): Promise<{ contentType: string; text: string }> {
  return { contentType: registry.contentType, text: await registry.metrics() };
}
