// One rule, one place: whatever a report breaks (team, member, place, time, campaign, shape), the
// single endpoint and a line of a bulk upload give it the same verdict with the same reasons,
// because both are judged by the activity decider.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { eventually } from '@nhip/testing';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tree2025 = fs.readFileSync(
  path.join(here, '..', '..', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv'),
);

interface Reasons {
  errors?: { field: string; reason: string }[];
}
interface Bulk {
  verdicts: ({ line: number; verdict: string } & Reasons)[];
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('single and bulk reports are judged by one rule', () => {
  let platform: Platform;
  const teams: Record<'active' | 'dissolved', string> = { active: '', dissolved: '' };
  const campaigns: Record<'now' | 'past', string> = { now: randomUUID(), past: randomUUID() };

  const registerTeam = async (name: string) =>
    (
      await platform.registry.post<{ teamId: string }>('/teams', {
        name,
        teamType: 'community_digital_technology',
        unitCode: '24175',
        decision: { number: '7/QĐ-UBND', date: '2025-07-15' },
      })
    ).body.teamId;

  beforeAll(async () => {
    platform = await startPlatform('one_rule');
    await platform.registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree2025, {
      'content-type': 'text/csv',
    });
    teams.active = await registerTeam('Tổ công nghệ số cộng đồng thôn 1');
    teams.dissolved = await registerTeam('Tổ công nghệ số cộng đồng thôn 2');
    await platform.registry.post(`/teams/${teams.dissolved}/dissolution`, { reason: 'Sáp nhập tổ' });
    await replicaCaughtUp(platform, Object.values(teams));
    // The dissolution too: until the replica has it, the same report could pass alone and fail in a file.
    await eventually(
      async () =>
        (
          await platform.activity.sql<{ status: string }>(
            'SELECT status FROM replica_teams WHERE team_id = $1',
            [teams.dissolved],
          )
        )[0]?.status === 'dissolved',
    );
    for (const [which, startsOn] of [
      ['now', vietnamToday()],
      ['past', '2025-08-01'],
    ] as const) {
      const endsOn = which === 'now' ? startsOn : '2025-08-31';
      const campaignId = campaigns[which];
      const defined = await platform.activity.post('/campaigns', {
        campaignId,
        name: `Chiến dịch ${which}`,
        startsOn,
        endsOn,
        unitCodes: ['24175'],
      });
      expect(defined.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => platform.stop());

  // Each field valid four times out of five, else a value that breaks one rule or the shape, so
  // a batch mixes accepted reports with every kind of refusal.
  const field = <T>(valid: readonly T[], broken: readonly T[]) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...valid) },
      { weight: 1, arbitrary: fc.constantFrom(...broken) },
    );
  const report = fc.record({
    teamId: field([() => teams.active], [() => teams.dissolved, () => randomUUID()]),
    memberId: field([null], [randomUUID()]),
    placeCode: field(['24175'], ['24343', '99999', 'not-a-code']),
    kind: field(['vneid_activation', 'online_application'], ['dancing']),
    residentsHelped: field([1, 12], [0, 20_000]),
    occurredAt: field([hoursAgo(1)], [hoursAgo(-2), hoursAgo(24 * 70)]),
    campaignId: field([null, () => campaigns.now], [() => campaigns.past, () => randomUUID()]),
  });
  const materialise = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'function' ? (v as () => unknown)() : v]),
    );

  it('gives every generated report the same verdict and reasons alone and in a file', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 8 }), async (drawn) => {
        const reports = drawn.map(materialise);
        const single = [];
        for (const r of reports) {
          const reply = await platform.activity.post<Reasons>('/activities', {
            ...r,
            activityId: randomUUID(),
          });
          single.push({ verdict: reply.status === 201 ? 'accepted' : 'rejected', errors: reply.body.errors });
        }
        const file = reports.map((r) => JSON.stringify({ ...r, activityId: randomUUID() })).join('\n');
        const bulk = await platform.activity.post<Bulk>('/activities/bulk', file, {
          'content-type': 'application/x-ndjson',
        });
        expect(bulk.status).toBe(200);
        for (const s of single)
          seen.add(s.verdict === 'accepted' ? 'accepted' : (s.errors?.[0]?.field ?? '?'));
        const inFile = bulk.body.verdicts.map((v) => ({
          verdict: v.verdict,
          errors: v.verdict === 'accepted' ? undefined : v.errors,
        }));
        expect(inFile).toEqual(
          single.map((s) => ({ ...s, errors: s.verdict === 'accepted' ? undefined : s.errors })),
        );
      }),
      { numRuns: 40 },
    );
    // The generator reached acceptance and a refusal on each kind of field, so the property said something.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['accepted', 'kind', 'occurredAt', 'placeCode', 'residentsHelped', 'teamId']),
    );
  }, 180_000);
});
