// The training service's courses and sessions as it answers them.
import { sessionModes, trainingTopics } from '../training/vocabulary.ts';
import { closed, list, nullable, ref, text } from './openapi-schema.ts';

export const course = closed({
  courseId: { type: 'string', format: 'uuid' },
  title: text,
  topic: { type: 'string', enum: Object.keys(trainingTopics) },
  provider: { type: 'string', description: 'Who teaches it, e.g. a provincial department.' },
  platform: nullable('string', 'Where it runs online, e.g. OneTouch.'),
});

export const courses = closed({ items: list(ref('Course')) });

const sessionProperties = {
  sessionId: { type: 'string', format: 'uuid' },
  courseId: { type: 'string', format: 'uuid' },
  status: { type: 'string', enum: ['planned', 'held', 'cancelled'] },
  treeVersion: text,
  unitCode: { type: 'string', description: 'The unit that plans it.' },
  mode: { type: 'string', enum: Object.keys(sessionModes) },
  place: nullable('string', 'In person: where.'),
  startsAt: { type: 'string', format: 'date-time' },
  endsAt: { type: 'string', format: 'date-time' },
  bridgePoints: {
    ...list(closed({ unitCode: text, hostUnitCode: text })),
    description: 'Online: each unit connected (điểm cầu) and the unit hosting its point.',
  },
} as const;

export const session = closed(sessionProperties);

export const sessions = closed({ items: list(ref('Session')) });

export const sessionWithReach = closed({
  ...sessionProperties,
  reach: closed({
    bridgePoints: { type: 'integer' },
    attendees: { type: 'integer' },
    newlyTrained: { type: 'integer', description: 'Attendees for whom it was their first training.' },
  }),
});
