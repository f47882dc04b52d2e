import { describe, expect, it } from '@jest/globals';
import { activityKinds } from '@nhip/contracts';
import { buildMessages } from './activity-messages.ts';

describe('benchmark payloads', () => {
  const messages = buildMessages(2000);

  it('are JSON of 300–500 bytes, as the P1 bar specifies', () => {
    const sizes = messages.map((m) => m.value.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    expect(() => messages.map((m) => JSON.parse(m.value.toString()) as unknown)).not.toThrow();
  });

  it('spread over many commune keys', () => {
    expect(new Set(messages.map((m) => m.key)).size).toBeGreaterThan(1000);
  });

  it('carry every activity kind the contracts declare, and no other', () => {
    const kinds = new Set(messages.map((m) => (JSON.parse(m.value.toString()) as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(Object.keys(activityKinds).sort());
  });
});
