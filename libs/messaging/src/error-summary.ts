// One line a person can read for an error that wraps many others. A Kafka client's error after its
// retries nests one error per attempt and, inside each, one per partition: `String()` of the one
// seen on a broker electing 621 partition leaders was 250 kB of the same sentence, written as the
// "failed to start" line and into readiness answers. Here each distinct cause is said once, with
// how often it occurred.

/** Nesting deeper than this is not followed (a cause that points back at its error). */
const maxDepth = 8;

/** What an error wraps: an `AggregateError`'s `errors`, then its `cause`. */
const causesOf = (error: unknown): unknown[] => {
  if (!(error instanceof Error)) return [];
  const nested = (error as Error & { errors?: unknown }).errors;
  const wrapped: unknown[] = Array.isArray(nested) ? nested : [];
  return error.cause === undefined ? wrapped : [...wrapped, error.cause];
};

/** The error and every error it wraps, as deep as the summary follows them. */
export function* errorsWithin(error: unknown, depth = 0): Generator {
  yield error;
  if (depth < maxDepth) for (const cause of causesOf(error)) yield* errorsWithin(cause, depth + 1);
}

/**
 * Its message without the closing full stop (the summary joins messages with colons); an error at
 * the end of the causes with no message is said by its code (ECONNRESET).
 */
function ownMessage(error: unknown, atTheEnd: boolean): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  const text = error.message || (atTheEnd && typeof code === 'string' ? code : '');
  return text.trim().replace(/\.$/, '');
}

/** The messages of the errors at the ends of the causes, each with how many times it occurred. */
function leaves(error: unknown, counts: Map<string, number>, depth: number): void {
  const causes = causesOf(error);
  if (causes.length === 0 || depth >= maxDepth) {
    const text = ownMessage(error, true);
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
    return;
  }
  for (const cause of causes) leaves(cause, counts, depth + 1);
}

function summarise(error: unknown, depth: number): string {
  const causes = causesOf(error);
  const own = ownMessage(error, causes.length === 0 || depth >= maxDepth);
  if (causes.length === 0 || depth >= maxDepth) return own;
  let inner: string;
  if (causes.length === 1) {
    inner = summarise(causes[0], depth + 1);
  } else {
    const counts = new Map<string, number>();
    leaves(error, counts, depth);
    inner = [...counts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text)).join('; ');
  }
  if (!own) return inner;
  return !inner || own.includes(inner) ? own : `${own}: ${inner}`;
}

/**
 * The error and its causes (an `AggregateError`'s `errors`, `cause`) as one line: messages along a
 * single chain joined by colons; where an error has several causes, the distinct messages at their
 * ends, each once with a count. Cut at `maxLength` characters.
 */
export function errorSummary(error: unknown, maxLength = 600): string {
  const text = summarise(error, 0) || 'unknown error';
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
