// The markdown table of a fault run: one row per fault, the ledger's counts, each check, the times.
import type { FaultResult } from './run-fault.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Exits no fault planned (not a kill -9, not the final stop), each with the process's last words. */
function crashLines(results: readonly FaultResult[]): string[] {
  const lines = results.flatMap((r) =>
    Object.entries(r.crashes).flatMap(([service, crashes]) =>
      crashes.map(
        (c) =>
          `- ${r.fault}: ${service} (pid ${c.pid}) exited ${c.signal ?? `with code ${String(c.code)}`} after ${seconds(c.uptimeMs)}${c.lastWords.length > 0 ? `: ${c.lastWords.join(' / ')}` : ''}`,
      ),
    ),
  );
  return lines.length === 0 ? [] : ['', 'Exits no fault planned:', '', ...lines];
}

export function resultsTable(results: readonly FaultResult[]): string {
  const lines = [
    '| fault | ok | failed | unknown | a | b | c | d | e | f | g | fault → ready | ready after heal | drained after load |',
    '| --- | --: | --: | --: | :-: | :-: | :-: | :-: | :-: | :-: | :-: | --: | --: | --: |',
  ];
  for (const r of results) {
    if (r.error !== undefined) {
      lines.push(
        `| ${r.fault} | – | – | – | ${Array(7).fill('✖').join(' | ')} | run broke: ${r.error.slice(0, 80)} | | |`,
      );
      continue;
    }
    const checks = r.checks.map((c) => (c.held ? '✔' : '✖'));
    lines.push(
      `| ${r.fault} | ${r.commands.ok} | ${r.commands.failed} | ${r.commands.unknown} | ${checks.join(' | ')} | ${seconds(r.faultToReadyMs)} | ${seconds(r.recoveryMs)} | ${seconds(r.drainMs)} |`,
    );
  }
  lines.push(...crashLines(results));
  lines.push(
    '',
    'Checks: (a) every ok command stored, no refused one; (b) store = distinct ids on the topics; (c) no unpublished outbox rows; (d) read models = a rebuild from the events; (e) stream versions contiguous; (f) consumer lag 0; (g) dead letters = poison injected.',
  );
  return `${lines.join('\n')}\n`;
}
