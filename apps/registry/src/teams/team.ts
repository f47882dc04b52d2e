// A team (tổ): established by a decision, serving one unit, with members and a leader. Members are
// pseudonymous ids; who they are lives in the personal-data table, never here.
import type { Affiliation, MemberRole, TeamStatus, TeamType } from '@nhip/contracts';

export interface Decision {
  readonly number: string;
  /** YYYY-MM-DD */
  readonly date: string;
}

/** The unit a team serves, as the registry's current tree knows it (looked up before deciding). */
export interface ServedUnit {
  readonly treeVersion: string;
  readonly code: string;
  readonly path: readonly string[];
}

export interface Membership {
  readonly role: MemberRole;
  readonly affiliation: Affiliation;
}

export type TeamEvent =
  | {
      type: 'TeamRegistered';
      data: {
        teamId: string;
        name: string;
        teamType: TeamType;
        unit: ServedUnit;
        decision: Decision;
      };
    }
  | { type: 'TeamRenamed'; data: { teamId: string; name: string; previousName: string } }
  | { type: 'TeamLeaderAssigned'; data: { teamId: string; memberId: string } }
  | { type: 'MemberAdded'; data: { teamId: string; memberId: string } & Membership }
  | { type: 'MemberRemoved'; data: { teamId: string; memberId: string; reason: string } }
  | { type: 'TeamSuspended'; data: { teamId: string; reason: string } }
  | { type: 'TeamReinstated'; data: { teamId: string } }
  | { type: 'TeamDissolved'; data: { teamId: string; reason: string } }
  | {
      type: 'TeamMoved';
      data: { teamId: string; unit: ServedUnit; previousUnit: ServedUnit; reason: string };
    };

export type TeamCommand =
  | {
      type: 'RegisterTeam';
      teamId: string;
      name: string;
      teamType: TeamType;
      unitCode: string;
      /** undefined when the code is not in the tree in force today. */
      unit: ServedUnit | undefined;
      decision: Decision;
      /** Today's date where the team works (YYYY-MM-DD), for "decision not in the future". */
      today: string;
    }
  | { type: 'RenameTeam'; name: string }
  | { type: 'AssignLeader'; memberId: string }
  | {
      type: 'AddMember';
      memberId: string;
      role: MemberRole;
      affiliation: Affiliation;
      /** Whether the member id belongs to a registered person (looked up before deciding). */
      memberRegistered: boolean;
    }
  | { type: 'RemoveMember'; memberId: string; reason: string }
  | { type: 'SuspendTeam'; reason: string }
  | { type: 'ReinstateTeam' }
  | { type: 'DissolveTeam'; reason: string }
  | {
      type: 'MoveTeam';
      unitCode: string;
      /** The unit in the tree in force today; undefined when the code is not in it. */
      unit: ServedUnit | undefined;
      /** The commune of each unit: the unit itself, or the commune above a village (looked up). */
      communeOfUnit: string | undefined;
      communeOfTeam: string;
      /** The communes of the tree in force that replaced the team's commune (the reform's lineage). */
      successorsOfTeamCommune: readonly string[];
      reason: string;
      /**
       * Where the mover saw the team when it decided (a carry-over's plan): a team moved elsewhere
       * since stays where a person put it. A single move sends none.
       */
      from?: { readonly treeVersion: string; readonly code: string };
    };

export type TeamState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: TeamStatus;
      readonly teamId: string;
      readonly name: string;
      readonly unit: ServedUnit;
      readonly leaderId: string | undefined;
      readonly members: ReadonlyMap<string, Membership>;
    };

export const initialTeam = (): TeamState => ({ status: 'unregistered' });

/** Every team's stream name starts with it: the read-model rebuild finds them by it. */
export const teamStreamPrefix = 'team-';

/** One stream per team. */
export const teamStream = (teamId: string): string => `${teamStreamPrefix}${teamId}`;
