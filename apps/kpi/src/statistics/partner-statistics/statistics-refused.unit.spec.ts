// What a partner reads about a statistic the KPI service did not take: its own ce_id and source,
// why in the contract's words, and where the message was, valid by the published contract.
import { describe, expect, it } from '@jest/globals';
import { publicEventProblems, StatisticRefusedV1 } from '@nhip/contracts';
import type { SetAside } from '@nhip/event-sourcing';
import { statisticRefusal } from './statistics-refused.ts';

const letter = (reason: string, headers: Record<string, string>): SetAside => ({
  message: {
    topic: 'partner.statistics.v1',
    partition: 2,
    offset: 482n,
    key: '24175',
    value: Buffer.from('{}'),
    headers,
    timestamp: new Date(0),
  },
  reason,
  detail: 'statistic s-1: unknown statistic population_over_15; see GET /catalog',
});
const sent = { ce_id: 's-1', ce_source: '/partners/cuc-thong-ke-dak-lak' };
const at = '2026-12-07T08:15:02.114Z';

describe('a refused statistic, as its partner reads it', () => {
  it('names the message, says the statistic itself was refused, and keeps the reason given', () => {
    const answer = statisticRefusal(letter('handler_failed', sent), at);
    expect(answer).toEqual({
      statisticEventId: 's-1',
      partnerSource: '/partners/cuc-thong-ke-dak-lak',
      reason: 'refused',
      detail: 'statistic s-1: unknown statistic population_over_15; see GET /catalog',
      partition: 2,
      offset: '482',
      refusedAt: at,
    });
    expect(publicEventProblems(StatisticRefusedV1.type, answer)).toEqual([]);
  });

  it('passes on what was wrong with the message itself, and answers one sent without ce_id or source', () => {
    expect(statisticRefusal(letter('malformed_json', sent), at).reason).toBe('malformed_json');
    const anonymous = statisticRefusal(letter('missing_ce_id', {}), at);
    expect([anonymous.statisticEventId, anonymous.partnerSource, anonymous.reason]).toEqual([
      '',
      'unknown',
      'missing_ce_id',
    ]);
    expect(publicEventProblems(StatisticRefusedV1.type, anonymous)).toEqual([]);
  });
});
