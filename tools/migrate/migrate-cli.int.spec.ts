// The deploy step as an operator runs it: `npm run migrate -- <service>` against the server in
// DATABASE_URL, saying what it ran, and on a second run that there was nothing to do.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { freshTestDatabase, postgresAdminUrl } from '@nhip/testing';
import { repoRoot } from '../infra/config.ts';

function migrate(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@nhip/source', path.join(repoRoot, 'tools', 'migrate', 'cli.ts'), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: postgresAdminUrl(), ACTIVITY_DATABASE: 'test_migrate_cli' },
      encoding: 'utf8',
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run migrate (the deploy step)', () => {
  it("runs a service's pending migrations once, naming each, then finds none", async () => {
    await freshTestDatabase('migrate_cli');
    const first = migrate('activity');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      /test_migrate_cli[^\n]*\n {2}✔ ran EventStoreSchema\d{13}\n {2}✔ ran ActivitySchema\d{13}\n {2}✔ ran ReplicaUnitLineage\d{13}\n {2}✔ ran ReplicaLineageRelation\d{13}\n {2}✔ ran ReplicaLineageRelationFilled\d{13}\n$/,
    );
    const second = migrate('activity');
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain('no pending migration: the schema is current');
    expect(second.stdout).not.toContain('✔ ran');
  });

  it('generates nothing when the entities match the migrated schema, and says so', async () => {
    await freshTestDatabase('migrate_cli');
    const result = migrate('activity', 'generate', 'NothingChanged');
    // TypeORM 1.1's schema builder reads tables with parallel queries on one client, which pg 8.23
    // warns about on stderr (DeprecationWarning); that warning is theirs, a failure would be ours.
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('✖');
    expect(result.stdout).toMatch(
      /✔ ran ReplicaLineageRelationFilled\d{13}\n {2}the entities match the database: nothing to generate\n$/,
    );
  });

  it('refuses a generate without a class name before touching the database', () => {
    const { code, stdout, stderr } = migrate('activity', 'generate');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^✖ usage: npm run migrate -- <registry\|activity\|training\|kpi\|projection> \[generate <ClassName>\]/,
    );
  });

  it('refuses an unknown service with its usage', () => {
    const { code, stderr } = migrate('partners');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^✖ usage: npm run migrate -- <registry\|activity\|training\|kpi\|projection>/);
  });
});
