// Partners read unit events in tree-version order: the key is the tree version, the subject the
// unit (the tree version itself for the opening).
import { describe, expect, it } from '@jest/globals';
import { toOutboxMessages } from '@nhip/event-sourcing';
import { unitTreePublicEvents } from './unit-tree.public-events.ts';

const at = '2025-07-01T01:00:00.000Z';
const keysOf = (messages: ReturnType<typeof toOutboxMessages>) =>
  messages.map(({ topic, type, key, subject, source }) => ({ topic, type, key, subject, source }));

describe('public unit events', () => {
  it('are keyed by tree version and name the unit as their subject', () => {
    const messages = toOutboxMessages(
      unitTreePublicEvents('vn-2025', [
        { type: 'UnitTreeVersionOpened', data: { treeVersion: 'vn-2025', effectiveFrom: '2025-07-01' } },
        {
          type: 'UnitAdded',
          data: { code: '66', name: 'Tỉnh Đắk Lắk', type: 'Tỉnh', level: 1, parentCode: null },
        },
        { type: 'UnitRetired', data: { code: '643' } },
      ]),
      'command-1',
      at,
    );
    const unitTopic = { topic: 'public.registry.unit.v1', source: '/nhip/registry', key: 'vn-2025' };
    expect(keysOf(messages)).toEqual([
      { ...unitTopic, type: 'vn.nhip.registry.unit-tree.opened.v1', subject: 'vn-2025' },
      { ...unitTopic, type: 'vn.nhip.registry.unit.added.v1', subject: '66' },
      { ...unitTopic, type: 'vn.nhip.registry.unit.retired.v1', subject: '643' },
    ]);
    expect(messages[1]?.data).toEqual({
      treeVersion: 'vn-2025',
      code: '66',
      name: 'Tỉnh Đắk Lắk',
      type: 'Tỉnh',
      level: 1,
      parentCode: null,
      origin: 'official',
    });
  });
});
