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

export type VillageEvent = { type: 'VillageRegistered'; data: VillageRegisteredData };

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

export type VillageCommand = RegisterVillage | RegisterVillages;

export interface VillagesState {
  readonly registered: number;
  /** Normalised name → code, so "Thôn 1" is not registered twice as "thôn 1". */
  readonly byName: ReadonlyMap<string, string>;
}

export const initialVillages = (): VillagesState => ({ registered: 0, byName: new Map() });

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
