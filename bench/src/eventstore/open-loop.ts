/**
 * `writers` writers, as that many request handlers would be, each on an open-loop schedule that
 * together asks for `perSecond` writes for `ms`: a writer that falls behind writes at once, so the
 * rate is the one asked for when the path can carry it. Resolves with the seconds it took.
 */
export async function openLoop(
  writers: number,
  perSecond: number,
  ms: number,
  write: (i: number) => Promise<void>,
): Promise<number> {
  const interval = (1000 * writers) / perSecond;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = 0; ; k++) {
        const due = started + w * (interval / writers) + k * interval;
        if (due > started + ms || performance.now() > started + ms) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await write(next++);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
