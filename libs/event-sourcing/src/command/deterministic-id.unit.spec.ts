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

  it('stay the ids already stored: the same name gives the same id in every release', () => {
    // Computed with the first implementation (a hash object fed the namespace, then the name).
    expect(deterministicUuid('x')).toBe('6e79bc66-84a5-5023-acf6-9463c2ac0a71');
    expect(deterministicUuid('Hòa Phú')).toBe('0a6e212f-472a-562d-849e-fb12e9e63f2c');
    expect(eventIdFor('cmd-1', 0)).toBe('aad0b87d-86b6-5eee-818a-7651e779b64e');
    // Longer than the reused buffer holds: hashed from a buffer of its own.
    expect(deterministicUuid(`bulk/${'ư'.repeat(2000)}`)).toBe('0ea8e8d4-a262-53cb-a041-6c09c323e4dc');
  });

  it('keep Vietnamese names distinct from their unaccented spellings', () => {
    expect(deterministicUuid('Hòa Phú')).not.toBe(deterministicUuid('Hoa Phu'));
  });
});
