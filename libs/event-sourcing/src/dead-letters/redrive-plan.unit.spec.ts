// What a re-drive sends back and what a listing says, from dead-letter topics as read.
import { describe, expect, it } from '@jest/globals';
import type { ReceivedMessage } from '@nhip/messaging';
import { receivedBack as received } from '../fixtures/received-letter.ts';
import { deadLetter } from './dead-letter.ts';
import { readDeadLetterRecords, redriveMessage } from './dead-letter-record.ts';
import { planRedrive, summarizeDeadLetters } from './redrive-plan.ts';

const teamTopic = 'public.registry.team.v1';
const activityTopic = 'public.activity.activity.v1';

const original = (
  topic: string,
  offset: bigint,
  type = 'vn.nhip.registry.team.moved.v1',
): ReceivedMessage => ({
  topic,
  partition: 1,
  offset,
  key: `team-${offset}`,
  value: Buffer.from(`{"teamId":"team-${offset}"}`),
  headers: { ce_specversion: '1.0', ce_id: `id-${offset}`, ce_type: type, traceparent: 'tp' },
  timestamp: new Date(0),
});

const letter = (topic: string, offset: bigint, consumer: string, reason: string) =>
  received(deadLetter(original(topic, offset), consumer, reason, `detail ${offset}`));

describe('dead letters read back and sent back', () => {
  const messages = [
    letter(teamTopic, 10n, 'kpi', 'unknown_event_type'),
    letter(teamTopic, 11n, 'kpi', 'malformed_json'),
    letter(teamTopic, 12n, 'projection', 'unknown_event_type'),
    letter(teamTopic, 13n, 'kpi', 'handler_failed'),
    letter(activityTopic, 14n, 'kpi', 'handler_failed'),
    received({ topic: `${teamTopic}.dlt`, key: null, value: 'hello', headers: {} }),
  ];

  it('sorts letters from what something else wrote there', () => {
    const read = readDeadLetterRecords(messages);
    expect(read.letters.map((l) => [l.consumer, l.reason, l.originalTopic])).toEqual([
      ['kpi', 'unknown_event_type', teamTopic],
      ['kpi', 'malformed_json', teamTopic],
      ['projection', 'unknown_event_type', teamTopic],
      ['kpi', 'handler_failed', teamTopic],
      ['kpi', 'handler_failed', activityTopic],
    ]);
    expect(read.foreign).toBe(1);
    expect(read.markers).toEqual([]);
  });

  it('puts a letter back as it first arrived, without the dead-letter headers, saying where from', () => {
    const [first] = readDeadLetterRecords(messages).letters;
    const back = redriveMessage(first!);
    expect(back.topic).toBe(teamTopic);
    expect(back.key).toBe('team-10');
    expect(back.value.toString()).toBe('{"teamId":"team-10"}');
    expect(back.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: 'id-10',
      ce_type: 'vn.nhip.registry.team.moved.v1',
      traceparent: 'tp',
      nhip_redriven_from: `${teamTopic}.dlt/0@${first!.offset}`,
    });
  });

  it("sends back only the group's letters a release can take, and marks them, once", () => {
    const read = readDeadLetterRecords(messages);
    const plan = planRedrive(read, { consumer: 'kpi' }, new Date('2026-12-07T14:00:00Z'));
    expect(plan.send.map((l) => l.detail)).toEqual(['detail 10', 'detail 13', 'detail 14']);
    expect(plan.left.map((l) => l.reason)).toEqual(['malformed_json']);
    expect(plan.messages.map((m) => m.topic)).toEqual([teamTopic, teamTopic, activityTopic]);
    expect(plan.markers.map((m) => [m.topic, JSON.parse(m.value.toString()) as unknown])).toEqual([
      [
        `${teamTopic}.dlt`,
        { consumer: 'kpi', through: { '0': '3' }, redriven: 2, left: 1, at: '2026-12-07T14:00:00.000Z' },
      ],
      [
        `${activityTopic}.dlt`,
        { consumer: 'kpi', through: { '0': '4' }, redriven: 1, left: 0, at: '2026-12-07T14:00:00.000Z' },
      ],
    ]);
    const after = readDeadLetterRecords([...messages, ...plan.markers.map(received)]);
    expect(after.markers).toHaveLength(2);
    expect(planRedrive(after, { consumer: 'kpi' }, new Date()).send).toEqual([]);
    expect(planRedrive(after, { consumer: 'projection' }, new Date()).send.map((l) => l.detail)).toEqual([
      'detail 12',
    ]);
  });

  it('sends a message set aside twice (a crash before the commit) back once, and marks both', () => {
    const twice = [...messages, letter(activityTopic, 14n, 'kpi', 'handler_failed')];
    const plan = planRedrive(
      readDeadLetterRecords(twice),
      { consumer: 'kpi', topic: activityTopic },
      new Date(),
    );
    expect(plan.send.map((l) => l.offset)).toEqual([4n]);
    const after = readDeadLetterRecords([...twice, ...plan.markers.map(received)]);
    expect(planRedrive(after, { consumer: 'kpi' }, new Date()).send.map((l) => l.detail)).toEqual([
      'detail 10',
      'detail 13',
    ]);
  });

  it('sends back two letters that name no original place, each from its own place', () => {
    const bare = (id: string) =>
      received({
        topic: `${teamTopic}.dlt`,
        key: id,
        value: '{}',
        headers: { ce_id: id, dlt_consumer: 'kpi', dlt_reason: 'handler_failed' },
      });
    const read = readDeadLetterRecords([bare('a'), bare('b')]);
    expect(planRedrive(read, { consumer: 'kpi' }, new Date()).messages.map((m) => m.key)).toEqual(['a', 'b']);
  });

  it('takes one reason when asked, and its markers cover only that reason', () => {
    const read = readDeadLetterRecords(messages);
    const plan = planRedrive(read, { consumer: 'kpi', reason: 'handler_failed' }, new Date());
    expect(plan.send.map((l) => l.detail)).toEqual(['detail 13', 'detail 14']);
    expect(plan.left).toEqual([]);
    const after = readDeadLetterRecords([...messages, ...plan.markers.map(received)]);
    expect(after.markers.map((m) => [m.topic, m.reason, Object.fromEntries(m.through)])).toEqual([
      [`${teamTopic}.dlt`, 'handler_failed', { 0: 3n }],
      [`${activityTopic}.dlt`, 'handler_failed', { 0: 4n }],
    ]);
    // Offset 0 of the team topic lies under the marker's offset 3, but was set aside for another reason.
    expect(planRedrive(after, { consumer: 'kpi' }, new Date()).send.map((l) => l.detail)).toEqual([
      'detail 10',
    ]);
  });

  it('takes one source topic when asked, by its name or its dead-letter name', () => {
    const read = readDeadLetterRecords(messages);
    for (const topic of [activityTopic, `${activityTopic}.dlt`])
      expect(planRedrive(read, { consumer: 'kpi', topic }, new Date()).send.map((l) => l.detail)).toEqual([
        'detail 14',
      ]);
  });

  it('lists letters by source topic, group and reason, with what waits and what failed again', () => {
    const sentBack = readDeadLetterRecords(messages).letters[0]!;
    const again = received(
      deadLetter(
        { ...original(teamTopic, 20n), headers: redriveMessage(sentBack).headers ?? {} },
        'kpi',
        'unknown_event_type',
        'still unknown',
      ),
    );
    const read = readDeadLetterRecords([...messages, again]);
    const marked = planRedrive(read, { consumer: 'kpi', topic: activityTopic }, new Date()).markers.map(
      received,
    );
    const groups = summarizeDeadLetters(readDeadLetterRecords([...messages, again, ...marked]));
    expect(
      groups.map((g) => [g.originalTopic, g.consumer, g.reason, g.count, g.waiting, g.redriven, g.again]),
    ).toEqual([
      [activityTopic, 'kpi', 'handler_failed', 1, 0, 1, 0],
      [teamTopic, 'kpi', 'handler_failed', 1, 1, 0, 0],
      [teamTopic, 'kpi', 'malformed_json', 1, 0, 0, 0],
      [teamTopic, 'kpi', 'unknown_event_type', 2, 2, 0, 1],
      [teamTopic, 'projection', 'unknown_event_type', 1, 1, 0, 0],
    ]);
    expect(groups[3]!.types).toEqual([['vn.nhip.registry.team.moved.v1', 2]]);
  });
});
