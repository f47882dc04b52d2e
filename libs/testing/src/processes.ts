import { spawn, type ChildProcess } from 'node:child_process';
import { serviceNodeEnv, serviceNodeFlags } from '@nhip/telemetry/node-flags';

export interface FixtureProcess {
  readonly child: ChildProcess;
  /** Resolves when the process printed "ready"; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  output(): string;
}

const running = new Set<FixtureProcess>();

/** Stops every fixture still running: call it in afterEach so a failed test leaves no orphans. */
export async function stopAllFixtures(): Promise<void> {
  await Promise.all([...running].map((f) => f.stop()));
}

/** Runs a TypeScript file from source in a child Node process, as a service would run. */
export function startFixture(
  file: string,
  env: Record<string, string>,
  { fromSource = true, nodeFlags = [] }: { fromSource?: boolean; nodeFlags?: readonly string[] } = {},
): FixtureProcess {
  // From source, workspace libraries resolve to their TypeScript; otherwise to their built dist/.
  const conditions = fromSource ? ['--conditions=@nhip/source'] : [];
  // With the services' own Node flags, so a test or benchmark measures the process users run.
  // Flags given later win, so a caller may raise a ceiling for one process.
  const flags = [...serviceNodeFlags, ...nodeFlags, ...conditions, '--disable-warning=ExperimentalWarning'];
  const child = spawn(process.execPath, [...flags, file], {
    env: { ...serviceNodeEnv, ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    // Until ready only: scanning the whole output again for every later line cost the benchmarks'
    // process time in proportion to what the service had logged.
    const scan = () => {
      if (!/\bready\b|listening on/.test(output)) return;
      child.stdout.off('data', scan);
      resolve();
    };
    child.stdout.on('data', scan);
    void exited.then(({ code, signal }) =>
      reject(new Error(`${file} exited (${signal ?? code}) before it was ready:\n${output}`)),
    );
  });
  ready.catch(() => undefined);
  const fixture: FixtureProcess = {
    child,
    ready,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(fixture);
  void exited.then(() => running.delete(fixture));
  return fixture;
}
