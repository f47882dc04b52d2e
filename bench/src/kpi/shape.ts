// The synthetic country bench:kpi measures on: a tree of ~63 provinces × 11 districts × 15
// communes (10,395 communes at scale 1, the size of Vietnam's 2024 tree) and activities spread
// over the communes, the 11 kinds and the days of 2025 by a hash of their number, so the same
// scale always yields the same rows.
import { activityKinds } from '@nhip/contracts';

export const kinds = Object.keys(activityKinds);
export const treeVersion = 'bench-2024';
export const year = '2025';

export interface Shape {
  readonly provinces: number;
  readonly districtsPerProvince: number;
  readonly communesPerDistrict: number;
  readonly activities: number;
}

export function shapeAt(scale: number): Shape {
  return {
    provinces: Math.max(2, Math.round(63 * scale)),
    districtsPerProvince: 11,
    communesPerDistrict: 15,
    activities: Math.round(10_000_000 * scale),
  };
}

export const communesOf = (s: Shape) => s.provinces * s.districtsPerProvince * s.communesPerDistrict;

/** Codes the contracts accept: provinces 10…, districts 100…, communes 10000… (load.ts). */
export const provinceCode = (p: number) => String(10 + p);
