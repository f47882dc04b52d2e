import { describe, expect, it } from '@jest/globals';
import { deterministicUuid, eventIdFor, messageIdFor } from './deterministic-id.ts';

describe('name-based ids', () => {
  it('are RFC 9562 version 5 UUIDs', () => {
    expect(deterministicUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('are the same for the same command, so a retry appends nothing new', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    expect(
      new Set([
        eventIdFor('cmd-1', 0),
        eventIdFor('cmd-1', 1),
        eventIdFor('cmd-2', 0),
        messageIdFor('cmd-1', 0),
      ]).size,
    ).toBe(4);
  });

  it('keep Vietnamese names distinct from their unaccented spellings', () => {
    expect(deterministicUuid('Hòa Phú')).not.toBe(deterministicUuid('Hoa Phu'));
  });
});
