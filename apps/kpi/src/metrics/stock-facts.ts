// What the stocks are counted from: the working set of a consumed batch (`StockFacts`: the teams,
// members and villages its events touch, loaded by the service) and the events, as the registry and
// training inputs read them (`StockInput`).

export interface TeamFact {
  /** Where it serves now, and in which tree: a move changes both (team-moved). */
  path: readonly string[];
  treeVersion: string;
  active: boolean;
  readonly members: Set<string>;
}

export interface StockFacts {
  readonly teams: Map<string, TeamFact>;
  /** Each member's teams, active or not. */
  readonly memberTeams: Map<string, Set<string>>;
  /** Members who attended at least one held session. */
  readonly trained: Set<string>;
  /**
   * Registered villages by `villageKey`, with how many active teams serve each. A retired one is
   * kept with an empty path, so it neither counts again nor is taken out twice.
   */
  readonly villages: Map<string, { readonly path: readonly string[]; activeTeams: number }>;
}

/**
 * A village is known by its tree and its code: the reform numbered the villages of each commune
 * afresh, so 24175-001 was a village of Xã Hòa Khánh in 2024 and is one of Xã Hòa Phú in 2025.
 */
export const villageKey = (treeVersion: string, code: string): string => `${treeVersion}/${code}`;

/** Where a team serves: a unit's path in a tree. */
export interface Place {
  readonly treeVersion: string;
  readonly path: readonly string[];
}

interface Envelope {
  readonly eventId: string;
  readonly recordedAt: string;
}
export type StockInput = Envelope &
  (
    | {
        readonly type: 'village-registered';
        readonly treeVersion: string;
        readonly path: readonly string[];
        /** Active teams already serving it: a team's event may overtake its village's (two topics). */
        readonly activeTeams?: number;
      }
    /** Taken over by a village of a later tree (ADR 0068): it stops counting where it was. */
    | { readonly type: 'village-retired'; readonly treeVersion: string; readonly path: readonly string[] }
    | ({ readonly type: 'team-registered'; readonly teamId: string } & Place)
    | { readonly type: 'member-added'; readonly teamId: string; readonly memberId: string }
    | { readonly type: 'member-removed'; readonly teamId: string; readonly memberId: string }
    | { readonly type: 'team-suspended'; readonly teamId: string }
    | { readonly type: 'team-reinstated'; readonly teamId: string }
    | { readonly type: 'team-dissolved'; readonly teamId: string }
    | ({ readonly type: 'team-moved'; readonly teamId: string } & Place)
    | { readonly type: 'member-trained'; readonly memberId: string }
  );
