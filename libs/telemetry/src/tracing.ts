// Which exporters the SDK gets, from the environment: OTLP over HTTP when an endpoint is set, a
// JSON-lines file when NHIP_TRACE_FILE is (tests), and none otherwise; with none, the SDK is not
// started at all, so a service without a collector pays nothing for tracing (docs/adr/0031).
// Nothing of the SDK is even loaded then: its modules alone weigh ~30 MB of a service's resident
// set (docs/adr/0036), so they are imported only once an exporter is configured.
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the environment names anywhere to send spans (an OTLP endpoint or a trace file). */
export function tracingConfigured(env: Env): boolean {
  return Boolean(
    env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['NHIP_TRACE_FILE'],
  );
}

export async function spanProcessorsFrom(env: Env, service: string): Promise<SpanProcessor[]> {
  const { BatchSpanProcessor, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace');
  const processors: SpanProcessor[] = [];
  if (env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
  }
  const file = env['NHIP_TRACE_FILE'];
  // Spans are written as they end, so a test sees them without waiting for a batch to fill.
  if (file) {
    const { FileSpanExporter } = await import('./file-exporter.ts');
    processors.push(new SimpleSpanProcessor({ exporter: new FileSpanExporter(file, service) }));
  }
  return processors;
}

/** The service's name: OTEL_SERVICE_NAME, else the directory of its entry (apps/<name>/dist-bundle/main.mjs). */
export function serviceNameFrom(env: Env, entry: string | undefined): string {
  const named = env['OTEL_SERVICE_NAME'];
  if (named) return named;
  const parts = (entry ?? '').split(/[\\/]/);
  const dist = parts.findLastIndex((part) => part === 'dist' || part === 'dist-bundle');
  return dist > 0 ? (parts[dist - 1] ?? 'nhip') : 'nhip';
}

/** Starts the SDK when there is somewhere to send spans; returns it (to shut down) or undefined. */
export async function startTracing(env: Env, entry: string | undefined): Promise<NodeSDK | undefined> {
  if (!tracingConfigured(env)) return undefined;
  const serviceName = serviceNameFrom(env, entry);
  const [{ NodeSDK }, { HttpInstrumentation }, { PgInstrumentation }, spanProcessors] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    spanProcessorsFrom(env, serviceName),
  ]);
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors,
    // Metrics are Prometheus' (/metrics) and logs are pino's; the SDK exports neither.
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would bury the requests that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)\b/.test(request.url ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}
