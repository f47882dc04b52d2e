// Every PromQL query the platform's dashboards and alert rules run, in one place: the Grafana
// dashboards and the Prometheus rules are generated from these, and the monitoring spec runs each
// one against a real Prometheus scraping real services.

/** The services Prometheus scrapes (job = name) and what each runs besides HTTP. */
export const monitoredServices = [
  { name: 'registry', consumes: false },
  { name: 'activity', consumes: true },
  { name: 'training', consumes: true },
  { name: 'kpi', consumes: true },
  { name: 'projection', consumes: true },
] as const;

export type MonitoredService = (typeof monitoredServices)[number];

export interface PanelSignal {
  readonly title: string;
  readonly expr: string;
  readonly unit: string;
  readonly legend: string;
}

const http = 'http_server_request_duration_seconds';
const window = '$__rate_interval';

const requests = (job: string): PanelSignal[] => [
  {
    title: 'Requests per second by route',
    expr: `sum by (http_route) (rate(${http}_count{job="${job}"}[${window}]))`,
    unit: 'reqps',
    legend: '{{http_route}}',
  },
  {
    title: 'Server errors (5xx) as a share of requests',
    // Zero rather than no data while nothing fails: the 5xx series exist only after a first one.
    expr: `(sum(rate(${http}_count{job="${job}",http_response_status_code=~"5.."}[${window}])) or sum(rate(${http}_count{job="${job}"}[${window}])) * 0) / sum(rate(${http}_count{job="${job}"}[${window}]))`,
    unit: 'percentunit',
    legend: '5xx',
  },
  {
    title: 'Request duration p99 by route',
    expr: `histogram_quantile(0.99, sum by (le, http_route) (rate(${http}_bucket{job="${job}"}[${window}])))`,
    unit: 's',
    legend: '{{http_route}}',
  },
];

const outbox = (job: string): PanelSignal[] => [
  {
    title: 'Outbox backlog (rows not yet published)',
    expr: `nhip_outbox_pending_messages{job="${job}"}`,
    unit: 'short',
    legend: 'pending',
  },
  {
    title: 'Relay lag (oldest unpublished row)',
    expr: `nhip_outbox_oldest_pending_age_seconds{job="${job}"}`,
    unit: 's',
    legend: 'oldest',
  },
];

const consumers = (job: string): PanelSignal[] => [
  {
    title: 'Consumer lag by group',
    expr: `nhip_consumer_lag_messages{job="${job}"}`,
    unit: 'short',
    legend: '{{group}}',
  },
  {
    title: 'Dead letters in the last hour',
    expr: `sum by (group, topic) (increase(nhip_dead_letters_total{job="${job}"}[1h]))`,
    unit: 'short',
    legend: '{{group}} ← {{topic}}',
  },
  {
    title: 'Event freshness p99 (Kafka → applied)',
    expr: `histogram_quantile(0.99, sum by (le, stage) (rate(nhip_event_freshness_seconds_bucket{job="${job}"}[${window}])))`,
    unit: 's',
    legend: '{{stage}}',
  },
];

const process = (job: string): PanelSignal[] => [
  {
    title: 'Resident memory',
    expr: `process_resident_memory_bytes{job="${job}"}`,
    unit: 'bytes',
    legend: 'rss',
  },
  { title: 'Heap used', expr: `nodejs_heap_size_used_bytes{job="${job}"}`, unit: 'bytes', legend: 'heap' },
  {
    title: 'Event-loop delay p99',
    expr: `nodejs_eventloop_lag_p99_seconds{job="${job}"}`,
    unit: 's',
    legend: 'p99',
  },
];

export function servicePanels(service: MonitoredService): PanelSignal[] {
  const job = service.name;
  return [...requests(job), ...outbox(job), ...(service.consumes ? consumers(job) : []), ...process(job)];
}

const jobs = monitoredServices.map((s) => s.name).join('|');

export const overviewPanels: PanelSignal[] = [
  { title: 'Services up', expr: `up{job=~"${jobs}"}`, unit: 'short', legend: '{{job}}' },
  {
    title: 'Requests per second by service',
    expr: `sum by (job) (rate(${http}_count{job=~"${jobs}"}[${window}]))`,
    unit: 'reqps',
    legend: '{{job}}',
  },
  {
    title: 'Request duration p99 by service',
    expr: `histogram_quantile(0.99, sum by (le, job) (rate(${http}_bucket{job=~"${jobs}"}[${window}])))`,
    unit: 's',
    legend: '{{job}}',
  },
  {
    title: 'Outbox backlog by service',
    expr: `max by (job) (nhip_outbox_pending_messages)`,
    unit: 'short',
    legend: '{{job}}',
  },
  {
    title: 'Consumer lag by group',
    expr: `max by (group) (nhip_consumer_lag_messages)`,
    unit: 'short',
    legend: '{{group}}',
  },
  {
    title: 'Dead letters in the last hour by group',
    expr: `sum by (group) (increase(nhip_dead_letters_total[1h]))`,
    unit: 'short',
    legend: '{{group}}',
  },
  {
    title: 'Event freshness p99 by stage',
    expr: `histogram_quantile(0.99, sum by (le, stage) (rate(nhip_event_freshness_seconds_bucket[${window}])))`,
    unit: 's',
    legend: '{{stage}}',
  },
];

export interface AlertSignal {
  readonly alert: string;
  /** What the alert watches: returns series whenever the platform runs, firing or not. */
  readonly signal: string;
  /** The rule's expression: the signal with its threshold. */
  readonly expr: string;
  readonly for: string;
  readonly summary: string;
}

const freshness =
  'histogram_quantile(0.99, sum by (le, job, stage) (rate(nhip_event_freshness_seconds_bucket[5m])))';
const lagTrend = 'deriv(nhip_consumer_lag_messages[10m])';
const newDeadLetters = 'increase(nhip_dead_letters_total[10m])';
const oldestPending = 'nhip_outbox_oldest_pending_age_seconds';

export const alertSignals: AlertSignal[] = [
  {
    alert: 'ServiceDown',
    signal: `up{job=~"${jobs}"}`,
    expr: `up{job=~"${jobs}"} == 0`,
    for: '1m',
    summary: '{{ $labels.job }} has not answered a scrape for a minute.',
  },
  {
    alert: 'EventFreshnessP99Above1s',
    signal: freshness,
    expr: `${freshness} > 1`,
    for: '5m',
    summary: 'Events reach {{ $labels.stage }} more than 1 s after they were published (p99).',
  },
  {
    alert: 'ConsumerLagGrowing',
    signal: lagTrend,
    expr: `${lagTrend} > 0 and nhip_consumer_lag_messages > 1000`,
    for: '10m',
    summary: 'Consumer group {{ $labels.group }} falls further behind (over 1000 messages and growing).',
  },
  {
    alert: 'DeadLettersAppearing',
    signal: newDeadLetters,
    expr: `${newDeadLetters} > 0`,
    for: '0m',
    summary:
      '{{ $labels.group }} set messages of {{ $labels.topic }} aside on its dead-letter topic: ' +
      'node apps/<service>/dist/dead-letters.js where that service runs says why and sends them back (npm run dead-letters in a checkout).',
  },
  {
    alert: 'OutboxBacklog',
    signal: oldestPending,
    expr: `${oldestPending} > 30`,
    for: '2m',
    summary: '{{ $labels.job }} has outbox rows waiting over 30 s to be published: is the broker reachable?',
  },
];
