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
