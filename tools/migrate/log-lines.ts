// A service's deploy step reports in JSON log lines (ADR 0014); a developer running
// `npm run migrate` reads sentences. This turns the one into the other from the lines' fields.

export interface TerminalLine {
  readonly to: 'stdout' | 'stderr';
  readonly text: string;
}

interface MigrateLogLine {
  readonly level?: string;
  readonly msg?: string;
  readonly service?: string;
  readonly database?: string;
  readonly lock?: string;
  readonly migrations?: readonly string[];
  readonly generated?: string | null;
  readonly listIn?: string;
}

const out = (text: string): TerminalLine => ({ to: 'stdout', text });

function parse(line: string): MigrateLogLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function ranMigrations(migrations: readonly string[]): TerminalLine[] {
  if (migrations.length === 0) return [out('  no pending migration: the schema is current')];
  return migrations.map((migration) => out(`  ✔ ran ${migration}`));
}

function generated({ generated: file, listIn, msg = '' }: MigrateLogLine): TerminalLine {
  if (!file) return out('  the entities match the database: nothing to generate');
  if (!listIn) return out(`  ${msg}`);
  return out(`  wrote ${file}: list it last in ${listIn}, run prettier, and say why in its comment`);
}

const failed = ({ level }: MigrateLogLine): boolean => level === 'fatal' || level === 'error';

function target({ service = '', database = '', lock = '' }: MigrateLogLine): TerminalLine {
  return out(`${service}: ${database} (lock ${lock})`);
}

function sentences(entry: MigrateLogLine, line: string): TerminalLine[] {
  if (failed(entry)) return [{ to: 'stderr', text: `✖ ${entry.msg ?? line}` }];
  if (entry.database !== undefined) return [target(entry)];
  if (entry.migrations !== undefined) return ranMigrations(entry.migrations);
  if ('generated' in entry) return [generated(entry)];
  return entry.msg === undefined ? [] : [out(`  ${entry.msg}`)];
}

/** The terminal lines for one line the deploy step wrote; anything not JSON passes through. */
export function terminalLines(line: string): TerminalLine[] {
  const entry = parse(line);
  if (entry !== undefined) return sentences(entry, line);
  return line.trim() === '' ? [] : [out(line)];
}
