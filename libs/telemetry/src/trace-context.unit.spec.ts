// The trace context helpers with a real SDK in this process (spans kept in memory), and what they
// do without one: the traceparent a row stored passes through the relay unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { activeTraceparent, inConsumerSpans, inSpan, startPublishSpan } from './trace-context.ts';

const stored = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('without an SDK', () => {
  it('records nothing and passes a stored traceparent on unchanged', async () => {
    await inSpan('work', () => {
      expect(activeTraceparent()).toBeUndefined();
      return Promise.resolve();
    });
    expect(startPublishSpan(stored, 'public.x.v1').traceparent).toBe(stored);
  });

  it('skips the per-message work: the handler hears the traceparents as they came', async () => {
    const heard = await inConsumerSpans(
      [
        { traceparent: stored, topic: 't', group: 'g' },
        { traceparent: undefined, topic: 't', group: 'g' },
      ],
      (own) => Promise.resolve({ own, active: activeTraceparent() }),
    );
    expect(heard).toEqual({ own: [stored, undefined], active: undefined });
  });
});

describe('with the SDK', () => {
  const spans = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter: spans });
  const sdk = new NodeSDK({ spanProcessors: [processor], instrumentations: [] });
  // Ended spans reach the exporter asynchronously; read them after a flush.
  const finishedSpans = async () => {
    await processor.forceFlush();
    return spans.getFinishedSpans();
  };
  beforeAll(() => sdk.start());
  afterAll(() => sdk.shutdown());

  it('stores the active span as traceparent, publishes as its child, consumes as the child of the publish', async () => {
    const written = await inSpan('event store append', () => Promise.resolve(activeTraceparent()));
    const [, traceId, appendId] = (written ?? '').split('-');
    const published = startPublishSpan(written, 'public.activity.activity.v1');
    published.span.end();
    const [, publishedTrace, publishId] = (published.traceparent ?? '').split('-');
    expect(publishedTrace).toBe(traceId);
    expect(publishId).not.toBe(appendId);

    const other = startPublishSpan(stored, 'public.x.v1');
    other.span.end();
    const inHandler = await inConsumerSpans(
      [
        { traceparent: published.traceparent, topic: 'public.activity.activity.v1', group: 'kpi.inputs' },
        { traceparent: other.traceparent, topic: 'public.x.v1', group: 'kpi.inputs' },
      ],
      (own) => Promise.resolve({ own, active: activeTraceparent() }),
    );

    const finished = await finishedSpans();
    const consumers = finished.filter((s) => s.name.startsWith('process public.'));
    expect(consumers.map((s) => [s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
      [traceId, publishId],
      ['0af7651916cd43dd8448eb211c80319c', other.traceparent?.split('-')[2]],
    ]);
    expect(inHandler.own).toHaveLength(2);
    expect(
      finished.find((s) => s.name === 'publish public.activity.activity.v1')?.parentSpanContext?.spanId,
    ).toBe(appendId);
  });

  it('runs a batch in a batch span of its own trace linked to every message; each message hears its own span', async () => {
    spans.reset();
    const message = { traceparent: stored, topic: 'public.x.v1', group: 'kpi.inputs' };
    const inHandler = await inConsumerSpans([message, message], (own) =>
      Promise.resolve({ own, active: activeTraceparent() }),
    );
    const finished = await finishedSpans();
    const consumers = finished.filter((s) => s.name === 'process public.x.v1');
    const batch = finished.find((s) => s.name === 'process batch of 2');
    if (!batch) throw new Error('no batch span');
    const traceparentOf = (s: (typeof finished)[number]) =>
      `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`;
    // Each message's own context is its consumer span's, for the rows written on its behalf alone.
    expect(inHandler.own).toEqual(consumers.map(traceparentOf));
    // What the batch writes as a whole continues the batch span, which links to every message.
    expect(inHandler.active).toBe(traceparentOf(batch));
    expect(batch.spanContext().traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
    expect(batch.links.map((l) => l.context.spanId)).toEqual(consumers.map((s) => s.spanContext().spanId));
  });

  it('runs a batch of one in its message’s span, so what it writes continues that trace', async () => {
    spans.reset();
    const active = await inConsumerSpans([{ traceparent: stored, topic: 't', group: 'g' }], () =>
      Promise.resolve(activeTraceparent()),
    );
    const [only] = await finishedSpans();
    expect(active).toBe(`00-${only?.spanContext().traceId}-${only?.spanContext().spanId}-01`);
    expect(only?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('marks every consumer span failed when the handler throws', async () => {
    spans.reset();
    const failing = inConsumerSpans([{ traceparent: stored, topic: 't', group: 'g' }], () =>
      Promise.reject(new Error('boom')),
    );
    await expect(failing).rejects.toThrow('boom');
    expect((await finishedSpans()).map((s) => s.status.code)).toEqual([2]);
  });

  it('marks the batch span and every message span failed when a batch handler throws', async () => {
    spans.reset();
    const message = { traceparent: stored, topic: 't', group: 'g' };
    await expect(
      inConsumerSpans([message, message], () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect((await finishedSpans()).map((s) => s.status.code)).toEqual([2, 2, 2]);
  });
});
