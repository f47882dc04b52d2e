// Loaded before the service with `node --import @nhip/telemetry/register` (or its dist path), so
// the instrumentations patch http and pg before anything imports them. Spans that are still
// buffered are flushed when the service stops.
import { startTracing } from './tracing.ts';

// Awaited here, so http and pg are patched before the service's entry imports them.
const sdk = await startTracing(process.env, process.argv[1]);
if (sdk) {
  process.once('beforeExit', () => void sdk.shutdown());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Once, so the signal Nest re-raises after closing the service still ends the process.
    process.once(signal, () => void sdk.shutdown().catch(() => undefined));
  }
}
