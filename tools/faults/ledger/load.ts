// The load driver: N concurrent clients, each sending one command after another until stopped,
// every command recorded in the ledger with what its client could know of it.
import { Ledger, outcomeOfError, outcomeOfReply } from './ledger.ts';

/** One command ready to send: its target, its client-chosen id and the request. */
export interface Command {
  readonly target: string;
  readonly id: string;
  readonly url: string;
  readonly body: unknown;
  /** The Authorization header it is sent with. */
  readonly authorization: string;
}

export interface LoadOptions {
  readonly clients: number;
  /** The next command of client `client` (its `n`th). */
  readonly next: (client: number, n: number) => Command;
  /** A pause between a client's commands; 0 sends as fast as the service answers. */
  readonly pauseMs?: number;
  /** A request unanswered after this long is recorded as unknown. */
  readonly timeoutMs?: number;
}

export interface RunningLoad {
  readonly ledger: Ledger;
  /** Stops every client after its command in flight; resolves when all have. */
  stop(): Promise<void>;
}

export async function send(command: Command, ledger: Ledger, timeoutMs = 10_000): Promise<void> {
  const entry = { target: command.target, id: command.id };
  try {
    const response = await fetch(command.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: command.authorization },
      body: JSON.stringify(command.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const body: unknown = response.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : undefined;
    const outcome = outcomeOfReply(response.status, body);
    const reason =
      outcome === 'ok'
        ? undefined
        : `${response.status}${outcome === 'failed' && response.status >= 500 ? ' nothing written' : ''}`;
    ledger.record({ ...entry, outcome, status: response.status, reason });
  } catch (error) {
    ledger.record({ ...entry, ...outcomeOfError(error), status: undefined });
  }
}

export function startLoad(options: LoadOptions, ledger = new Ledger()): RunningLoad {
  let running = true;
  const client = async (c: number): Promise<void> => {
    for (let n = 0; running; n++) {
      const started = Date.now();
      await send(options.next(c, n), ledger, options.timeoutMs);
      // A refused connection returns at once: without a pause a client would spin a core.
      const pause = Math.max(options.pauseMs ?? 0, Date.now() - started < 5 ? 50 : 0);
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
  };
  const clients = Array.from({ length: options.clients }, (_, c) => client(c));
  return {
    ledger,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}
