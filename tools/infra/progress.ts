// Progress for long steps: a ticking elapsed-time line on a terminal, a line every 10 s elsewhere
// (CI logs), so nobody stares at a silent prompt while Maven downloads 45 MB.
// isTTY is undefined, not false, when stderr is a pipe.
const isTty = 'isTTY' in process.stderr && process.stderr.isTTY;

export interface Step {
  done(summary?: string): void;
  fail(): void;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function step(title: string): Step {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (isTty) process.stderr.write(`  … ${title}`);
  else log(`  … ${title}`);
  const timer = setInterval(
    () => {
      if (isTty) process.stderr.write(`\r  … ${title} (${elapsed()})`);
      else log(`    still working: ${title} (${elapsed()})`);
    },
    isTty ? 250 : 10_000,
  );
  timer.unref();
  const finish = (mark: string, summary?: string): void => {
    clearInterval(timer);
    const text = `  ${mark} ${title}${summary ? `: ${summary}` : ''} (${elapsed()})`;
    if (isTty) process.stderr.write(`\r${text}\x1b[K\n`);
    else log(text);
  };
  return {
    done: (summary) => finish('✔', summary),
    fail: () => finish('✖'),
  };
}

/** Runs `work` as a visible step, marking it done or failed. */
export async function withStep<T>(
  title: string,
  work: () => Promise<T>,
  summarise?: (result: T) => string,
): Promise<T> {
  const s = step(title);
  try {
    const result = await work();
    s.done(summarise?.(result));
    return result;
  } catch (error) {
    s.fail();
    throw error;
  }
}
