// What /metrics says: the figures registered consumers and relays report at scrape, a failing or
// stalled reader left out rather than failing the scrape, and forgotten readers gone.
import { describe, expect, it } from '@jest/globals';
import { consumerLags, deadLetters, httpServerDuration, metricsText, outboxBacklogs } from './metrics.ts';

describe('metrics', () => {
  it('reads consumer lag and the outbox backlog at scrape, leaving out readers that fail', async () => {
    const forgetA = consumerLags.watch('kpi.inputs', () => Promise.resolve(42n));
    const forgetB = consumerLags.watch('broken', () => Promise.reject(new Error('broker away')));
    const forgetC = outboxBacklogs.watch('relay-a', () =>
      Promise.resolve({ pending: 3, oldestAgeSeconds: 1.5 }),
    );
    const forgetD = outboxBacklogs.watch('relay-b', () =>
      Promise.resolve({ pending: 4, oldestAgeSeconds: 0.5 }),
    );
    try {
      const { contentType, text } = await metricsText();
      expect(contentType).toMatch(/^text\/plain/);
      expect(text).toContain('nhip_consumer_lag_messages{group="kpi.inputs"} 42');
      expect(text).not.toContain('group="broken"');
      expect(text).toContain('nhip_outbox_pending_messages 7');
      expect(text).toContain('nhip_outbox_oldest_pending_age_seconds 1.5');
    } finally {
      for (const forget of [forgetA, forgetB, forgetC, forgetD]) forget();
    }
    const after = (await metricsText()).text;
    expect(after).not.toContain('group="kpi.inputs"');
    expect(after).toContain('nhip_outbox_pending_messages 0');
  });

  it('leaves out a reader that takes over two seconds', async () => {
    const forget = consumerLags.watch('stalled', () => new Promise<bigint>(() => undefined));
    const started = Date.now();
    const { text } = await metricsText();
    forget();
    expect(text).not.toContain('group="stalled"');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('names HTTP durations and dead letters by convention, with their labels', async () => {
    httpServerDuration.observe(
      { http_request_method: 'GET', http_route: '/units/:code', http_response_status_code: '200' },
      0.02,
    );
    deadLetters.inc({ group: 'kpi.inputs', topic: 'public.activity.activity.v1' });
    const { text } = await metricsText();
    expect(text).toContain(
      'http_server_request_duration_seconds_bucket{le="0.025",http_request_method="GET",http_route="/units/:code",http_response_status_code="200"} 1',
    );
    expect(text).toContain(
      'nhip_dead_letters_total{group="kpi.inputs",topic="public.activity.activity.v1"} 1',
    );
  });
});
