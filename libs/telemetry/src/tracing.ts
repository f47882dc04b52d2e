// Which exporters the SDK gets, from the environment: OTLP over HTTP when an endpoint is set, a
// JSON-lines file when NHIP_TRACE_FILE is (tests), and none otherwise; with none, the SDK is not
// started at all, so a service without a collector pays nothing for tracing (docs/adr/0031).
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { FileSpanExporter } from './file-exporter.ts';

type Env = Readonly<Record<string, string | undefined>>;

export function spanProcessorsFrom(env: Env, service: string): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'])
    processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
  const file = env['NHIP_TRACE_FILE'];
  // Spans are written as they end, so a test sees them without waiting for a batch to fill.
  if (file) processors.push(new SimpleSpanProcessor({ exporter: new FileSpanExporter(file, service) }));
  return processors;
}

/** The service's name: OTEL_SERVICE_NAME, else the directory of its entry (apps/<name>/dist/main.js). */
export function serviceNameFrom(env: Env, entry: string | undefined): string {
  const named = env['OTEL_SERVICE_NAME'];
  if (named) return named;
  const parts = (entry ?? '').split(/[\\/]/);
  const dist = parts.lastIndexOf('dist');
  return dist > 0 ? (parts[dist - 1] ?? 'nhip') : 'nhip';
}

/** Starts the SDK when there is somewhere to send spans; returns it (to shut down) or undefined. */
export function startTracing(env: Env, entry: string | undefined): NodeSDK | undefined {
  const serviceName = serviceNameFrom(env, entry);
  const spanProcessors = spanProcessorsFrom(env, serviceName);
  if (spanProcessors.length === 0) return undefined;
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
