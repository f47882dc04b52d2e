import { createHash } from 'node:crypto';

// Our own namespace for name-based UUIDs (RFC 9562 §5.5), fixed forever.
const namespace = Buffer.from('6f1c2f3e8d2a4b7c9e0a1b2c3d4e5f60', 'hex');

/**
 * A UUID v5 from a name: the same command id always yields the same event ids, so a retried
 * command appends nothing new and gets its original answer.
 */
export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function eventIdFor(commandId: string, index: number): string {
  return deterministicUuid(`${commandId}/event/${index}`);
}

export function messageIdFor(commandId: string, index: number): string {
  return deterministicUuid(`${commandId}/message/${index}`);
}
