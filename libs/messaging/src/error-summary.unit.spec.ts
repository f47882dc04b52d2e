import { describe, expect, it } from '@jest/globals';
import { MultipleErrors, ProtocolError } from '@platformatic/kafka';
import { errorSummary } from './error-summary.ts';

// What the admin client threw on a broker electing partition leaders: 4 attempts, each answered
// with one "no leader" per partition (621 in the run that showed it, 250 kB as String()).
const electing = (partitions: number) =>
  new MultipleErrors('Listing topics failed.', [
    new MultipleErrors(
      'metadata failed 4 times.',
      Array.from(
        { length: 4 },
        () =>
          new MultipleErrors(
            'Received response with error while executing API Metadata(v12)',
            Array.from({ length: partitions }, () => new ProtocolError('LEADER_NOT_AVAILABLE')),
          ),
      ),
    ),
  ]);

describe('errorSummary', () => {
  it('says a cause repeated over attempts and partitions once, with how often it occurred', () => {
    const error = electing(155);
    expect(String(error).length).toBeGreaterThan(50_000);
    expect(errorSummary(error)).toBe(
      'Listing topics failed: metadata failed 4 times: There is no leader for this topic-partition as we are in the middle of a leadership election (×620)',
    );
  });

  it('lists distinct causes apart, and follows a chain of single causes with colons', () => {
    // Node's connect to a name with two addresses: no message of its own, a code, a refusal per address.
    const refused = Object.assign(
      new AggregateError(
        [new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')],
        '',
      ),
      { code: 'ECONNREFUSED' },
    );
    expect(errorSummary(new Error('opening the database failed', { cause: refused }))).toBe(
      'opening the database failed: connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    );
  });

  it('keeps a message that already quotes its cause as it is', () => {
    const cause = new Error('socket hang up');
    expect(errorSummary(new Error('publishing failed: socket hang up', { cause }))).toBe(
      'publishing failed: socket hang up',
    );
  });

  it('takes a thrown non-error, an error with only a code, and a cause that points back at its error', () => {
    expect(errorSummary('plain text')).toBe('plain text');
    expect(errorSummary(Object.assign(new Error(''), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    const loop = new Error('outer');
    loop.cause = loop;
    expect(errorSummary(loop)).toMatch(/^outer(: outer)*$/);
  });

  it('cuts a summary longer than asked', () => {
    const many = new AggregateError(
      Array.from({ length: 100 }, (_, i) => new Error(`cause number ${i}`)),
      'many',
    );
    const text = errorSummary(many, 80);
    expect(text).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });
});
