// Villages and residential groups (thôn, buôn, ấp, bản, tổ dân phố, khu dân cư…) have no national
// code: the commune registers them and they get a derived one, the commune code and a number
// (24172-001). One stream per commune and tree version keeps the numbering gap-free.

export interface CommuneFacts {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly path: readonly string[];
  /** Units of the official list under it: a district or a province is not a commune. */
  readonly officialChildren: number;
}

export interface VillageRegisteredData {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: number;
  readonly parentCode: string;
  readonly path: readonly string[];
}

export interface VillageRetiredData {
  readonly code: string;
  /** The village of a later tree that took it over (ADR 0068). */
  readonly carriedTo: { readonly treeVersion: string; readonly code: string };
  readonly reason: string;
}

export type VillageEvent =
  | { type: 'VillageRegistered'; data: VillageRegisteredData }
  /** Taken over by a village of the commune that replaced its own: it counts there from now on. */
  | { type: 'VillageRetired'; data: VillageRetiredData };

export interface RegisterVillage {
  readonly type: 'RegisterVillage';
  readonly treeVersion: string;
  readonly communeCode: string;
  /** The commune as the tree knows it, looked up before deciding; undefined when unknown. */
  readonly commune: CommuneFacts | undefined;
  readonly name: string;
  readonly villageType: string;
}

/**
 * Several villages in one decision, each judged as if registered alone after the ones before it:
 * a commune formed by a reform takes in the villages of the communes it replaced (ADR 0068).
 */
export interface RegisterVillages {
  readonly type: 'RegisterVillages';
  readonly treeVersion: string;
  readonly communeCode: string;
  readonly commune: CommuneFacts | undefined;
  readonly villages: readonly { readonly name: string; readonly villageType: string }[];
}

/** Villages of an earlier tree taken over by villages of the commune that replaced theirs. */
export interface RetireVillages {
  readonly type: 'RetireVillages';
  readonly treeVersion: string;
  readonly communeCode: string;
  readonly villages: readonly VillageRetiredData[];
}

export type VillageCommand = RegisterVillage | RegisterVillages | RetireVillages;

export interface VillagesState {
  readonly registered: number;
  /** Normalised name → code, so "Thôn 1" is not registered twice as "thôn 1". */
  readonly byName: ReadonlyMap<string, string>;
  /** Codes taken over by a later tree's village. */
  readonly retired: ReadonlySet<string>;
}

export const initialVillages = (): VillagesState => ({
  registered: 0,
  byName: new Map(),
  retired: new Set(),
});

/** Every commune's villages stream name starts with it: the read-model rebuild finds them by it. */
export const villagesStreamPrefix = 'villages-';

export const villagesStream = (treeVersion: string, communeCode: string): string =>
  `${villagesStreamPrefix}${treeVersion}-${communeCode}`;

/** A tree version may hold dashes; the commune code after the last one never does. */
export const treeVersionOfVillagesStream = (streamId: string): string =>
  streamId.slice(villagesStreamPrefix.length, streamId.lastIndexOf('-'));

export const sameName = (name: string): string =>
  name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export const maxVillagesPerCommune = 999;
