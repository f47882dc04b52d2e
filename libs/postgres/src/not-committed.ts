// Whether a failed write request can tell its client "nothing was written" (docs/adr/0020). A 503
// during a database outage usually leaves that open: a COMMIT whose answer was lost may have
// landed. A write is certain not to have landed when it failed before its COMMIT (or its one
// autocommit statement) was sent: the connection was refused or never opened, or it broke inside
// the transaction, which the server then rolls back. Only a request that makes that single write
// may pass this on to its client (`soleWriteFailed`): one that committed a chunk before cannot.
const beforeWrite = new WeakSet<object>();
const requestWroteNothing = new WeakSet<object>();

// Failures while connecting: no statement was sent on that connection.
const connectCodes = new Set(['ECONNREFUSED', '57P03']);
const connectMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'is not queryable',
];

/** Marks an error raised before the write was sent; returns it, for `throw markFailedBeforeWrite(e)`. */
export function markFailedBeforeWrite(error: unknown): unknown {
  if (typeof error === 'object' && error !== null) beforeWrite.add(error);
  return error;
}

/** Runs a step that writes nothing (connecting, a read before the write): its failure is marked. */
export async function beforeAnyWrite<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    throw markFailedBeforeWrite(error);
  }
}

const whileConnecting = ({ code, message }: { code?: unknown; message?: unknown }): boolean =>
  (typeof code === 'string' && connectCodes.has(code)) ||
  (typeof message === 'string' && connectMessages.some((m) => message.includes(m)));

/** The error came before the write it belongs to was sent. */
export function failedBeforeWrite(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (beforeWrite.has(error) || whileConnecting(error)) return true;
  const { cause } = error as { cause?: unknown };
  return cause !== undefined && cause !== error && failedBeforeWrite(cause);
}

/** For a request handler whose only write failed: its client may learn nothing was written. */
export function soleWriteFailed(error: unknown): unknown {
  if (failedBeforeWrite(error)) requestWroteNothing.add(error as object);
  return error;
}

/**
 * A check the request makes before its first write (a scope check, a lookup): if it fails, the
 * request wrote nothing at all, however many writes would have followed, so its client may learn so.
 */
export async function beforeRequestWrites<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    throw soleWriteFailed(markFailedBeforeWrite(error));
  }
}

/** What an HTTP edge may tell the client: true only for a sole write that failed before sending. */
export function wroteNothing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && requestWroteNothing.has(error);
}
