import { describe, expect, it } from '@jest/globals';
import { rollUp } from '../rollups/rollup.ts';
import { applyStockEvent, type StockFacts, type StockInput } from './registry-stocks.ts';

const day = '2025-08-01';
let n = 0;
const at = () => ({ eventId: `e${++n}`, recordedAt: `${day}T03:00:00Z` });
const [vn2024, vn2025] = ['vn-2024', 'vn-2025'];
const village = (code: string, activeTeams?: number): StockInput => ({
  type: 'village-registered',
  treeVersion: vn2025,
  path: ['66', '24175', code],
  ...(activeTeams === undefined ? {} : { activeTeams }),
  ...at(),
});
const team = (teamId: string, unit: string): StockInput => ({
  type: 'team-registered',
  teamId,
  treeVersion: vn2025,
  path: unit.includes('-') ? ['66', '24175', unit] : ['66', unit],
  ...at(),
});
const joins = (memberId: string, teamId: string): StockInput => ({
  type: 'member-added',
  teamId,
  memberId,
  ...at(),
});
const leaves = (memberId: string, teamId: string): StockInput => ({
  type: 'member-removed',
  teamId,
  memberId,
  ...at(),
});
const dissolved = (teamId: string): StockInput => ({ type: 'team-dissolved', teamId, ...at() });
const suspended = (teamId: string): StockInput => ({ type: 'team-suspended', teamId, ...at() });
const reinstated = (teamId: string): StockInput => ({ type: 'team-reinstated', teamId, ...at() });
const trained = (memberId: string): StockInput => ({ type: 'member-trained', memberId, ...at() });
const krongNang = ['66', '24343', '24343-001'];
const movedTo = (teamId: string, path: readonly string[]): StockInput => ({
  type: 'team-moved',
  teamId,
  treeVersion: vn2025,
  path,
  ...at(),
});

function emptyFacts(): StockFacts {
  return { teams: new Map(), memberTeams: new Map(), trained: new Set(), villages: new Map() };
}

/** The stock each unit holds on the day, after the events: the yearly rollup of their deltas. */
function stocks(...inputs: StockInput[]): Record<string, number> {
  const facts = emptyFacts();
  const cells = rollUp(inputs.flatMap((input) => applyStockEvent(facts, input)));
  return Object.fromEntries(
    cells.filter((c) => c.period === '2025').map((c) => [`${c.metric}@${c.unitCode}`, c.delta]),
  );
}

describe('stocks from registry and training events', () => {
  it('counts a village with an active team once, however many teams serve it', () => {
    const counts = stocks(
      village('24175-001'),
      village('24175-002'),
      team('t1', '24175-001'),
      team('t2', '24175-001'),
    );
    expect(counts).toMatchObject({
      'villages@24175': 2,
      'villages_with_active_team@24175': 1,
      'villages_with_active_team@66': 1,
      'active_teams@24175': 2,
    });
  });

  it('counts a village whose team was registered before the village reached the service', () => {
    // The service counts the active teams it already holds at the village and passes them in.
    const counts = stocks(team('t1', '24175-001'), village('24175-001', 1));
    expect(counts).toMatchObject({ 'villages@24175': 1, 'villages_with_active_team@24175': 1 });
  });

  it('takes a village out when its last active team is dissolved, not before', () => {
    const both = [village('24175-001'), team('t1', '24175-001'), team('t2', '24175-001')];
    expect(stocks(...both, dissolved('t1'))['villages_with_active_team@24175']).toBe(1);
    expect(
      stocks(...both, dissolved('t1'), dissolved('t2'))['villages_with_active_team@24175'],
    ).toBeUndefined();
  });

  it('counts a member of two teams in one commune once there, and in each village’s team', () => {
    const counts = stocks(
      team('t1', '24175-001'),
      team('t2', '24175-002'),
      joins('m1', 't1'),
      joins('m1', 't2'),
    );
    expect(counts).toMatchObject({
      'active_members@24175': 1,
      'active_members@24175-001': 1,
      'active_members@24175-002': 1,
    });
  });

  it('takes a dissolved team’s members out of the active members, and back in when one joins an active team', () => {
    const history = [
      team('t1', '24175'),
      team('t2', '24175-003'),
      joins('m1', 't1'),
      joins('m2', 't1'),
      dissolved('t1'),
    ];
    expect(stocks(...history)['active_members@66']).toBeUndefined();
    expect(stocks(...history, joins('m1', 't2'))['active_members@66']).toBe(1);
  });

  it('counts a member trained twice once, and only while active', () => {
    const counts = stocks(
      team('t1', '24175'),
      joins('m1', 't1'),
      joins('m2', 't1'),
      trained('m1'),
      trained('m1'),
    );
    expect(counts).toMatchObject({ 'active_members@24175': 2, 'active_members_trained@24175': 1 });
    const left = stocks(team('t1', '24175'), joins('m1', 't1'), trained('m1'), leaves('m1', 't1'));
    expect(left['active_members_trained@24175']).toBeUndefined();
  });

  it('counts a member trained before joining a team once they join', () => {
    expect(stocks(trained('m9'), team('t1', '24175'), joins('m9', 't1'))).toMatchObject({
      'active_members_trained@24175': 1,
      'active_members_trained@66': 1,
    });
  });

  it('suspends and reinstates a team with its members and its village', () => {
    const history = [village('24175-001'), team('t1', '24175-001'), joins('m1', 't1'), suspended('t1')];
    expect(stocks(...history)).toEqual({ 'villages@24175': 1, 'villages@66': 1, 'villages@24175-001': 1 });
    expect(stocks(...history, reinstated('t1'))).toMatchObject({
      'active_teams@24175': 1,
      'active_members@24175': 1,
      'villages_with_active_team@24175': 1,
    });
  });

  it('moves a team with its members and its village: out where it served, in where it serves, unchanged above both', () => {
    const history = [
      village('24175-001'),
      { type: 'village-registered', treeVersion: vn2025, path: krongNang, ...at() } as StockInput,
      team('t1', '24175-001'),
      joins('m1', 't1'),
      joins('m2', 't1'),
      trained('m1'),
    ];
    const counts = stocks(...history, movedTo('t1', krongNang));
    expect(counts).toMatchObject({
      'active_teams@24343': 1,
      'active_teams@66': 1,
      'active_members@24343': 2,
      'active_members@66': 2,
      'active_members_trained@24343': 1,
      'villages_with_active_team@24343': 1,
      'villages_with_active_team@66': 1,
    });
    for (const metric of [
      'active_teams',
      'active_members',
      'active_members_trained',
      'villages_with_active_team',
    ])
      expect(counts[`${metric}@24175`]).toBeUndefined();
  });

  it('moves a suspended team without counting it anywhere until reinstated, and ignores a move to where it is', () => {
    const history = [team('t1', '24175'), joins('m1', 't1'), suspended('t1'), movedTo('t1', ['66', '24343'])];
    expect(stocks(...history)['active_teams@66']).toBeUndefined();
    expect(stocks(...history, reinstated('t1'))).toMatchObject({
      'active_teams@24343': 1,
      'active_members@24343': 1,
    });
    expect(stocks(...history, reinstated('t1'))['active_teams@24175']).toBeUndefined();
    const facts = emptyFacts();
    applyStockEvent(facts, team('t2', '24175'));
    expect(applyStockEvent(facts, movedTo('t2', ['66', '24175']))).toEqual([]);
  });

  it('ignores a repeated registration and a change to a team it never saw', () => {
    const facts = emptyFacts();
    applyStockEvent(facts, team('t1', '24175'));
    expect(applyStockEvent(facts, team('t1', '24175'))).toEqual([]);
    expect(applyStockEvent(facts, joins('m1', 'unknown'))).toEqual([]);
    expect(applyStockEvent(facts, suspended('unknown'))).toEqual([]);
  });

  it('names what each delta is about: the village, the team of a membership, the member trained', () => {
    const facts = emptyFacts();
    const sources = (input: StockInput) => [
      ...new Set(applyStockEvent(facts, input).map((d) => `${d.source.kind}/${d.source.id}`)),
    ];
    expect(sources(village('24175-001'))).toEqual(['village/24175-001']);
    expect(sources(team('t1', '24175-001'))).toEqual(['team/t1']);
    expect(sources(joins('m1', 't1'))).toEqual(['team/t1']);
    expect(sources(trained('m1'))).toEqual(['member/m1']);
  });

  it('takes a village carried over out where it was, once, and not another tree’s village of its code', () => {
    const hoaPhu2024 = ['66', '643', '24172', '24172-001'];
    const retire = (treeVersion: string, path: readonly string[]): StockInput => ({
      type: 'village-retired',
      treeVersion,
      path,
      ...at(),
    });
    const history = [
      { type: 'village-registered' as const, treeVersion: vn2024, path: hoaPhu2024, ...at() },
      { type: 'team-registered' as const, teamId: 't1', treeVersion: vn2024, path: hoaPhu2024, ...at() },
      village('24175-001'),
      movedTo('t1', ['66', '24175', '24175-001']),
    ];
    const retirements = [retire(vn2025, ['66', '24172', '24172-001']), retire(vn2024, hoaPhu2024)];
    const counts = stocks(...history, ...retirements, retire(vn2024, hoaPhu2024));
    // Nothing is left in 643, 24172 or the retired village: each sums to 0.
    expect(counts).toEqual({
      'villages@66': 1,
      'villages@24175': 1,
      'villages@24175-001': 1,
      'villages_with_active_team@66': 1,
      'villages_with_active_team@24175': 1,
      'villages_with_active_team@24175-001': 1,
      'active_teams@66': 1,
      'active_teams@24175': 1,
      'active_teams@24175-001': 1,
    });
    // Retired before its team moved out: the same stocks in the end.
    expect(stocks(...history.slice(0, 3), retire(vn2024, hoaPhu2024), history[3] as StockInput)).toEqual(
      counts,
    );
  });

  it('counts a village of 2025 whose code a 2024 village had, and takes out only the 2024 one', () => {
    // Xã Hòa Khánh was 24175 in 2024 (Thành phố Buôn Ma Thuột, 643); Xã Hòa Phú is 24175 in 2025,
    // and its carried-over villages are numbered from 24175-001 again.
    const hoaKhanh2024 = ['66', '643', '24175', '24175-001'];
    const history = [
      { type: 'village-registered' as const, treeVersion: vn2024, path: hoaKhanh2024, ...at() },
      { type: 'team-registered' as const, teamId: 't1', treeVersion: vn2024, path: hoaKhanh2024, ...at() },
      village('24175-001'),
      movedTo('t1', ['66', '24175', '24175-001']),
      { type: 'village-retired' as const, treeVersion: vn2024, path: hoaKhanh2024, ...at() },
    ];
    expect(stocks(...history)).toMatchObject({
      'villages@66': 1,
      'villages@24175-001': 1,
      'villages_with_active_team@66': 1,
      'villages_with_active_team@24175-001': 1,
    });
    expect(stocks(...history)['villages@643']).toBeUndefined();
  });
});
