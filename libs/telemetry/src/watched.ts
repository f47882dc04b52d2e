// Figures read from elsewhere (the broker, the database) at scrape time, from whatever registered
// them: a consumer or relay registers itself when it starts and is forgotten when it stops. A read
// that fails or takes over two seconds is left out of that scrape rather than failing it.

export interface Watched<T> {
  /** Registers a reader under a name; returns what forgets it. */
  watch(name: string, read: () => Promise<T>): () => void;
  read(): Promise<[string, T][]>;
}

const readTimeoutMs = 2_000;

export function watched<T>(): Watched<T> {
  const readers = new Map<string, () => Promise<T>>();
  return {
    watch(name, read) {
      readers.set(name, read);
      return () => {
        if (readers.get(name) === read) readers.delete(name);
      };
    },
    async read() {
      const results = await Promise.all(
        [...readers].map(async ([name, read]) => {
          try {
            return [[name, await withTimeout(read())] as [string, T]];
          } catch {
            return [];
          }
        }),
      );
      return results.flat();
    },
  };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), readTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
