import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import {
  AffiliationCode,
  Decision,
  MemberId,
  MemberRoleCode,
  TeamTypeCode,
  TreeVersion,
  UnitCode,
  UnitPath,
  Uuid,
} from './schema-parts.ts';

// Keyed by team id: a team's lifecycle and membership changes reach consumers in order.
const topic = publicTopics.registryTeam;
const keyField = 'teamId';
const reason = Type.String({ maxLength: 500, description: 'Why, in the words of whoever decided it.' });

export const TeamRegisteredV1 = publicEvent({
  type: 'vn.nhip.registry.team.registered.v1',
  topic,
  keyField,
  summary: 'A team was established by a decision and serves a unit (usually a village or a commune).',
  schema: Type.Object({
    teamId: Uuid,
    name: Type.String({ minLength: 1 }),
    teamType: TeamTypeCode,
    treeVersion: TreeVersion,
    unitCode: UnitCode,
    unitPath: UnitPath,
    decision: Decision,
  }),
});

export const TeamRenamedV1 = publicEvent({
  type: 'vn.nhip.registry.team.renamed.v1',
  topic,
  keyField,
  summary: 'A team got a new name.',
  schema: Type.Object({ teamId: Uuid, name: Type.String({ minLength: 1 }), previousName: Type.String() }),
});

export const TeamLeaderAssignedV1 = publicEvent({
  type: 'vn.nhip.registry.team.leader-assigned.v1',
  topic,
  keyField,
  summary: 'A member of the team became its leader (tổ trưởng).',
  schema: Type.Object({ teamId: Uuid, memberId: MemberId }),
});

export const TeamMemberAddedV1 = publicEvent({
  type: 'vn.nhip.registry.team.member-added.v1',
  topic,
  keyField,
  summary: 'A member joined the team.',
  schema: Type.Object({
    teamId: Uuid,
    memberId: MemberId,
    role: MemberRoleCode,
    affiliation: AffiliationCode,
  }),
});

export const TeamMemberRemovedV1 = publicEvent({
  type: 'vn.nhip.registry.team.member-removed.v1',
  topic,
  keyField,
  summary: 'A member left the team.',
  schema: Type.Object({ teamId: Uuid, memberId: MemberId, reason }),
});

export const TeamSuspendedV1 = publicEvent({
  type: 'vn.nhip.registry.team.suspended.v1',
  topic,
  keyField,
  summary: 'A team stopped working for a while; its activities are not accepted until reinstated.',
  schema: Type.Object({ teamId: Uuid, reason }),
});

export const TeamReinstatedV1 = publicEvent({
  type: 'vn.nhip.registry.team.reinstated.v1',
  topic,
  keyField,
  summary: 'A suspended team works again.',
  schema: Type.Object({ teamId: Uuid }),
});

export const TeamDissolvedV1 = publicEvent({
  type: 'vn.nhip.registry.team.dissolved.v1',
  topic,
  keyField,
  summary: 'A team was dissolved; nothing changes it afterwards.',
  schema: Type.Object({ teamId: Uuid, reason }),
});

export const TeamMovedV1 = publicEvent({
  type: 'vn.nhip.registry.team.moved.v1',
  topic,
  keyField,
  summary:
    'A team now serves another unit: after a reform, the unit that replaced its own in the tree in force (a commune merged in July 2025), or another village of its commune. Its members, leader and history stay; what it does from now on counts where it serves now.',
  schema: Type.Object({
    teamId: Uuid,
    treeVersion: TreeVersion,
    unitCode: UnitCode,
    unitPath: UnitPath,
    previousTreeVersion: TreeVersion,
    previousUnitCode: UnitCode,
    previousUnitPath: UnitPath,
    reason,
  }),
});

export type TeamRegisteredData = Type.Static<typeof TeamRegisteredV1.schema>;
export type TeamMemberAddedData = Type.Static<typeof TeamMemberAddedV1.schema>;

export const teamEvents = [
  TeamRegisteredV1,
  TeamRenamedV1,
  TeamLeaderAssignedV1,
  TeamMemberAddedV1,
  TeamMemberRemovedV1,
  TeamSuspendedV1,
  TeamReinstatedV1,
  TeamDissolvedV1,
  TeamMovedV1,
] as const;
