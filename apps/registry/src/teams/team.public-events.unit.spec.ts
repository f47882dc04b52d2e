// A team's events stay in order for every consumer: all keyed, and about, the team.
import { describe, expect, it } from '@jest/globals';
import { toOutboxMessages } from '@nhip/event-sourcing';
import { teamPublicEvents } from './team.public-events.ts';

const teamId = '6f1d2c3b-4a59-4e87-9d21-0c3b4a5e6f70';
const memberId = '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f';

describe('public team events', () => {
  it('are keyed by team id with the team as subject, the served unit flattened', () => {
    const unit = { treeVersion: 'vn-2024', code: '24172-001', path: ['66', '643', '24172', '24172-001'] };
    const messages = toOutboxMessages(
      teamPublicEvents([
        {
          type: 'TeamRegistered',
          data: {
            teamId,
            name: 'Tổ 1',
            teamType: 'community_digital_technology',
            unit,
            decision: { number: '1/QĐ', date: '2022-04-15' },
          },
        },
        { type: 'MemberAdded', data: { teamId, memberId, role: 'member', affiliation: 'police' } },
        { type: 'TeamDissolved', data: { teamId, reason: 'merged' } },
      ]),
      'command-1',
      '2025-01-01T00:00:00.000Z',
    );
    expect(messages.map((m) => [m.topic, m.key, m.subject])).toEqual([
      ['public.registry.team.v1', teamId, teamId],
      ['public.registry.team.v1', teamId, teamId],
      ['public.registry.team.v1', teamId, teamId],
    ]);
    expect(messages[0]?.data).toMatchObject({
      treeVersion: 'vn-2024',
      unitCode: '24172-001',
      unitPath: unit.path,
    });
    expect(messages[0]?.data).not.toHaveProperty('unit');
  });
});
