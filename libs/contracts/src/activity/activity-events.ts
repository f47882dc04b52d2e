import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import { codesOf, MemberId, oneOf, TreeVersion, UnitCode, UnitPath, Uuid } from '../registry/schema-parts.ts';
import { activityKinds, maxResidentsPerActivity } from './vocabulary.ts';

// Keyed by commune: one commune's activity reaches the KPI service in order, and a commune's
// corrections never overtake the report they correct.
const topic = publicTopics.activity;
const keyField = 'communeCode';
const subjectField = 'activityId';
const Kind = oneOf(codesOf(activityKinds), 'What was done; labels in the AsyncAPI description.');
const Residents = Type.Integer({ minimum: 1, maximum: maxResidentsPerActivity });
const Instant = Type.String({ format: 'date-time' });
const Actor = Type.String({ minLength: 1, description: 'Pseudonymous id of who did it.' });

export const ActivityLoggedV1 = publicEvent({
  type: 'vn.nhip.activity.activity.logged.v1',
  topic,
  keyField,
  subjectField,
  summary: 'A team reported what it did, where, when and for how many residents.',
  schema: Type.Object({
    activityId: Uuid,
    teamId: Uuid,
    memberId: Type.Union([MemberId, Type.Null()]),
    kind: Kind,
    residentsHelped: Residents,
    treeVersion: TreeVersion,
    placeCode: UnitCode,
    placePath: UnitPath,
    communeCode: UnitCode,
    occurredAt: Type.String({
      format: 'date-time',
      description: 'When it happened: the bucket it counts in.',
    }),
    recordedAt: Type.String({ format: 'date-time', description: 'When the platform received it.' }),
    campaignId: Type.Union([Uuid, Type.Null()]),
  }),
});

export const ActivityCorrectedV1 = publicEvent({
  type: 'vn.nhip.activity.activity.corrected.v1',
  topic,
  keyField,
  subjectField,
  summary: 'A reported activity was corrected: its kind or its count changed, with who and why.',
  schema: Type.Object({
    activityId: Uuid,
    communeCode: UnitCode,
    kind: Kind,
    residentsHelped: Residents,
    previousKind: Kind,
    previousResidentsHelped: Residents,
    correctedBy: Actor,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    recordedAt: Instant,
  }),
});

export const ActivityVoidedV1 = publicEvent({
  type: 'vn.nhip.activity.activity.voided.v1',
  topic,
  keyField,
  subjectField,
  summary: 'A reported activity was withdrawn: it leaves every total.',
  schema: Type.Object({
    activityId: Uuid,
    communeCode: UnitCode,
    voidedBy: Actor,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    recordedAt: Instant,
  }),
});

export const CampaignDefinedV1 = publicEvent({
  type: 'vn.nhip.activity.campaign.defined.v1',
  topic: publicTopics.campaign,
  keyField: 'campaignId',
  summary: 'A campaign: a name, a period, the units it covers and an optional target.',
  schema: Type.Object({
    campaignId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
    treeVersion: TreeVersion,
    unitCodes: Type.Array(UnitCode, { minItems: 1 }),
    target: Type.Union([
      Type.Object({ kind: Type.Union([Kind, Type.Null()]), residents: Type.Integer({ minimum: 1 }) }),
      Type.Null(),
    ]),
  }),
});

export type ActivityLoggedData = Type.Static<typeof ActivityLoggedV1.schema>;
export type CampaignDefinedData = Type.Static<typeof CampaignDefinedV1.schema>;

export const activityEvents = [
  ActivityLoggedV1,
  ActivityCorrectedV1,
  ActivityVoidedV1,
  CampaignDefinedV1,
] as const;
