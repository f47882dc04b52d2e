// What a developer reads from `npm run migrate`, given the JSON lines the deploy step logs.
import { describe, expect, it } from '@jest/globals';
import { terminalLines } from './log-lines.ts';

const line = (fields: object): string =>
  JSON.stringify({ level: 'info', time: '2026-12-03T10:00:00.000Z', service: 'activity', pid: 1, ...fields });
const texts = (fields: object): string[] => terminalLines(line(fields)).map(({ text }) => text);

describe('the deploy step, read back as sentences', () => {
  it('names the database and the lock it migrates under', () => {
    expect(texts({ database: 'postgres://u:***@h/activity', lock: 'nhip.activity.migrations' })).toEqual([
      'activity: postgres://u:***@h/activity (lock nhip.activity.migrations)',
    ]);
  });

  it('lists each migration it ran, or says there was none', () => {
    expect(texts({ migrations: ['A1', 'B2'] })).toEqual(['  ✔ ran A1', '  ✔ ran B2']);
    expect(texts({ migrations: [] })).toEqual(['  no pending migration: the schema is current']);
  });

  it('says what generate wrote, or that there was nothing to write', () => {
    expect(texts({ generated: '/r/x.migration.ts', listIn: 'a-data-source.ts' })).toEqual([
      '  wrote /r/x.migration.ts: list it last in a-data-source.ts, run prettier, and say why in its comment',
    ]);
    expect(texts({ generated: null })).toEqual(['  the entities match the database: nothing to generate']);
  });

  it('sends a failure to stderr as its one sentence', () => {
    expect(terminalLines(line({ level: 'fatal', msg: 'activity migration failed: boom' }))).toEqual([
      { to: 'stderr', text: '✖ activity migration failed: boom' },
    ]);
  });

  it('passes through what is not a log line and drops blank lines', () => {
    expect(terminalLines('plain text')).toEqual([{ to: 'stdout', text: 'plain text' }]);
    expect(terminalLines('  ')).toEqual([]);
  });
});
