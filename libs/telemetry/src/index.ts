export {
  activeTraceId,
  activeTraceparent,
  failed,
  inConsumerSpans,
  inSpan,
  nameServerSpan,
  startPublishSpan,
  type ConsumedMessage,
} from './trace-context.ts';
export {
  collectProcessMetrics,
  consumerLags,
  deadLetters,
  eventFreshness,
  httpServerDuration,
  metricsText,
  outboxBacklogs,
  rebuildProgress,
  registry,
} from './metrics.ts';
export type { Watched } from './watched.ts';
export { readSpanLines, type SpanLine } from './span-lines.ts';
