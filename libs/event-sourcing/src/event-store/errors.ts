/** Another writer appended to the stream first; the HTTP layer answers 409 Conflict. */
export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  readonly streamId: string;
  readonly expectedVersion: string;

  constructor(streamId: string, expectedVersion: string) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}: reload and try again.`);
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
  }
}

/** Event ids reused for different events: a client bug, not a retry; answered 409 too. */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';
  readonly eventIds: readonly string[];

  constructor(eventIds: readonly string[]) {
    super(`Event id(s) ${eventIds.join(', ')} already belong to other events.`);
    this.eventIds = eventIds;
  }
}
