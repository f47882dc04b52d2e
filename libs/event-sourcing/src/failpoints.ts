// Crash points for fault-injection tests: NHIP_FAILPOINTS=relay:after-publish kills the process
// with SIGKILL exactly there, as a power cut would. Unset in production, where this is one lookup.
const armed = new Set((process.env['NHIP_FAILPOINTS'] ?? '').split(',').filter(Boolean));

export function failpoint(name: string): void {
  if (armed.size === 0 || !armed.has(name)) return;
  // Written to the pipe synchronously before the kill, for the test that armed it to read.
  // eslint-disable-next-line no-restricted-properties
  process.stderr.write(`failpoint ${name}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
