// The ledger of a fault run (docs/adr/0020): every command a client sent and what it knows of its
// fate. `ok`: acknowledged (2xx), so it must be stored. `failed`: refused for certain (a 4xx, or
// the connection refused before a byte was sent), so it must not be. `unknown`: anything that
// leaves the commit in doubt (a timeout, a reset, a 5xx); the checks accept it either way.
export type Outcome = 'ok' | 'failed' | 'unknown';

export interface CommandRecord {
  /** The service (ledger target) that owns the command. */
  readonly target: string;
  /** The client-chosen id that names the command's stream. */
  readonly id: string;
  readonly outcome: Outcome;
  readonly status: number | undefined;
  /** Why it failed or is unknown, in a word (`503`, `ECONNRESET`, `timeout`). */
  readonly reason: string | undefined;
  readonly at: number;
}

export interface OutcomeCounts {
  ok: number;
  failed: number;
  unknown: number;
}

/**
 * A reply: 2xx ok, 4xx a definite refusal, anything else in doubt, unless the service states that
 * nothing was written (`"committed": false` in its problem details, docs/adr/0020).
 */
export function outcomeOfReply(status: number, body?: unknown): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400 && status < 500) return 'failed';
  const committed = (body as { committed?: unknown } | undefined)?.committed;
  // A 503 while the database is away may follow a COMMIT whose answer was lost (ADR 0018).
  return committed === false ? 'failed' : 'unknown';
}

/** An exception from fetch: only a refused connection proves the request never reached a server. */
export function outcomeOfError(error: unknown): { outcome: Outcome; reason: string } {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name ?? 'error';
  if (code === 'ECONNREFUSED') return { outcome: 'failed', reason: code };
  return { outcome: 'unknown', reason: code === 'TimeoutError' ? 'timeout' : code };
}

export class Ledger {
  readonly #records: CommandRecord[] = [];

  record(entry: Omit<CommandRecord, 'at'>): void {
    this.#records.push({ ...entry, at: Date.now() });
  }

  records(target?: string): readonly CommandRecord[] {
    return target === undefined ? this.#records : this.#records.filter((r) => r.target === target);
  }

  ids(target: string, outcome: Outcome): string[] {
    return this.records(target)
      .filter((r) => r.outcome === outcome)
      .map((r) => r.id);
  }

  counts(target?: string): OutcomeCounts {
    const counts = { ok: 0, failed: 0, unknown: 0 };
    for (const r of this.records(target)) counts[r.outcome]++;
    return counts;
  }

  /** Why commands were not ok, most frequent first (`503 × 40, ECONNRESET × 3`). */
  reasons(): Record<string, number> {
    const reasons: Record<string, number> = {};
    for (const r of this.#records)
      if (r.outcome !== 'ok') reasons[r.reason ?? '?'] = (reasons[r.reason ?? '?'] ?? 0) + 1;
    return reasons;
  }
}
