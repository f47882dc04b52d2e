// Only an erasure leaves the registry, keyed by the member it is about.
import { describe, expect, it } from '@jest/globals';
import { toOutboxMessages } from '@nhip/event-sourcing';
import { memberPublicEvents } from './member.public-events.ts';

const memberId = '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f';
const erasedAt = '2026-11-23T08:00:00.000Z';

describe('public member events', () => {
  it('publish the erasure alone, keyed by member id', () => {
    const messages = toOutboxMessages(
      memberPublicEvents([
        { type: 'MemberRegistered', data: { memberId } },
        { type: 'MemberPersonalDataErased', data: { memberId, erasedAt } },
      ]),
      'command-1',
      erasedAt,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      topic: 'public.registry.member.v1',
      type: 'vn.nhip.registry.member.personal-data-erased.v1',
      key: memberId,
      subject: memberId,
      data: { memberId, erasedAt },
    });
  });
});
