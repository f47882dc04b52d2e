import { describe, expect, it } from '@jest/globals';
import { naiveSql, ourAnswer, peerAnswer, type Target } from './drilldown.ts';

const province: Target = {
  code: '10',
  level: 1,
  period: '2025',
  firstDay: '2025-01-01',
  lastDay: '2025-12-31',
};

describe('the drill-down answers compared by checksum', () => {
  it('reads the service view and a peer grouping the same way, whatever the order and zeros', () => {
    const ours = ourAnswer({
      unit: { code: '10' },
      indicators: [
        { id: 'residents_helped.vneid_activation', numerator: 7 },
        { id: 'vneid_vs_target', numerator: 7 },
        { id: 'residents_helped.other', numerator: 0 },
      ],
      children: [{ code: '100', indicators: [{ id: 'residents_helped.vneid_activation', numerator: 7 }] }],
    });
    const peer = peerAnswer(province, [
      { unit: '100', kind: 'vneid_activation', value: 7n },
      { unit: null, kind: 'vneid_activation', value: '7' },
      { unit: '101', kind: 'other', value: 0 },
    ]);
    expect(peer.lines).toEqual([
      '100|residents_helped.vneid_activation|7',
      '10|residents_helped.vneid_activation|7',
    ]);
    expect(peer.checksum).toBe(ours.checksum);
  });

  it('tells a different value apart', () => {
    const a = peerAnswer(province, [{ unit: '100', kind: 'other', value: 3 }]);
    const b = peerAnswer(province, [{ unit: '100', kind: 'other', value: 4 }]);
    expect(a.checksum).not.toBe(b.checksum);
  });

  it('joins the tree one level deeper for a province than for a district', () => {
    expect(naiveSql(1)).toContain('JOIN kpi_units d');
    expect(naiveSql(2)).not.toContain('JOIN kpi_units d');
  });
});
