// The activity service's reads: a campaign as defined, and an activity's history (its stream).
import { activityKinds } from '../activity/vocabulary.ts';
import { closed, list, ref, text } from './openapi-schema.ts';

export const campaign = closed({
  campaignId: { type: 'string', format: 'uuid' },
  name: text,
  startsOn: { type: 'string', format: 'date' },
  endsOn: { type: 'string', format: 'date' },
  treeVersion: text,
  unitCodes: list(text),
  target: {
    ...closed({
      // Null for a target over every kind: in the enumeration, as OpenAPI 3.0 has a nullable enum.
      kind: { type: 'string', enum: [...Object.keys(activityKinds), null], nullable: true },
      residents: { type: 'integer', minimum: 1 },
    }),
    nullable: true,
    description: 'Residents to reach, of one kind of activity or of all (kind null); null without one.',
  },
});

export const activityHistory = {
  ...list(
    closed(
      {
        type: { type: 'string', enum: ['ActivityLogged', 'ActivityCorrected', 'ActivityVoided'] },
        data: {
          anyOf: [ref('ActivityLogged'), ref('ActivityCorrected'), ref('ActivityVoided')],
          description: 'What was reported, corrected or voided, as the public event of the same name has it.',
        },
        recordedAt: { type: 'string', format: 'date-time' },
        actor: { type: 'string', description: 'Who: the `sub` of the token that sent it.' },
      },
      ['type', 'data', 'recordedAt'],
    ),
  ),
  description: 'The report first, then every correction and the void, oldest first.',
};
