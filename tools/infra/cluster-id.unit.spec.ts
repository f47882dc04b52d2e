import { describe, expect, it } from '@jest/globals';
import { newClusterId } from './kafka-storage.ts';

describe('Kafka cluster ids', () => {
  it('are 22 characters of URL-safe base64', () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never start with "-", which the storage tool would parse as an option', () => {
    // 0xf8 encodes to "-" as the first base64url character; the second draw does not.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x10)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 0x20));
    expect(id.startsWith('-')).toBe(false);
    expect(draws).toHaveLength(0);
  });
});
