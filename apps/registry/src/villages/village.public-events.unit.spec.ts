// A village travels as a unit event: keyed by its tree version like the official list, so a
// consumer building the tree sees its commune first.
import { describe, expect, it } from '@jest/globals';
import { toOutboxMessages } from '@nhip/event-sourcing';
import { villagePublicEvents } from './village.public-events.ts';

const at = '2025-07-01T01:00:00.000Z';

describe('public village events', () => {
  it('announce a village as a local unit of its tree version', () => {
    const village = { code: '24172-001', name: 'Thôn 1', type: 'Thôn', level: 3, parentCode: '24172' };
    const [message] = toOutboxMessages(
      villagePublicEvents('vn-2024', [
        { type: 'VillageRegistered', data: { ...village, path: ['66', '643', '24172', '24172-001'] } },
      ]),
      'command-2',
      at,
    );
    expect(message).toMatchObject({ key: 'vn-2024', subject: '24172-001', occurredAt: at });
    expect(message?.data).toEqual({ treeVersion: 'vn-2024', ...village, origin: 'local' });
  });
});
