/**
 * A problem with the local infrastructure that the developer can fix. Its message is one sentence
 * saying what is wrong and what to do; the CLI prints it without a stack trace.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';
  readonly detail: string | undefined;

  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail;
  }
}

/**
 * Prints an infrastructure problem as its one sentence; the underlying tool output follows only
 * when asked for (NHIP_VERBOSE=1) or in CI, where nobody can re-run with the flag.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return `✖ ${String(error)}`;
  const detail = error instanceof InfraError ? error.detail : undefined;
  const verbose = Boolean(process.env['NHIP_VERBOSE'] ?? process.env['CI']);
  if (!detail) return `✖ ${error.message}`;
  return verbose
    ? `✖ ${error.message}\n${detail}`
    : `✖ ${error.message}\n  (set NHIP_VERBOSE=1 to see the underlying output)`;
}
