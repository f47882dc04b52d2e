// The map's outlines, made from ../shared/data/vn-admin each time the dashboard is built or served,
// never copied into the repository (ADR 0030). A 2024 province is its districts; a 2025 province has
// no outline of its own, so it is drawn from the 2024 provinces that became it (the lineage), its
// districts kept as regions, and each 2025 commune placed in the 2024 district most of it came from
// (on both trees' maps: a former province in a later period is shown as those communes).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Feature {
  readonly type: 'Feature';
  readonly properties: { readonly code: string; readonly name: string; readonly parent_code?: string };
  readonly geometry: unknown;
}
interface Collection {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature[];
}

/** A 2024 district a 2025 commune was made from in part, and how many of its former communes it took. */
export interface DistrictShare {
  readonly district: string;
  readonly communes: number;
}

export interface ProvinceMap {
  /** Regions: the 2024 districts of the province or of its 2024 parts. */
  readonly districts: Collection;
  /** The province's outline: itself in 2024, its 2024 parts in 2025. */
  readonly outline: Collection;
  /** 2025 commune → the 2024 district that gave it most of its former communes. */
  readonly communeDistrict: Readonly<Record<string, string>>;
  /**
   * 2025 commune → every 2024 district it took former communes from, with how many, most first;
   * only for the communes made across districts (321 of 3,316 in the national mapping).
   */
  readonly communeParts: Readonly<Record<string, readonly DistrictShare[]>>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const vnAdminDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env['NHIP_VN_ADMIN'] ?? path.resolve(repoRoot, '..', 'shared', 'data', 'vn-admin');

const rows = (dir: string, file: string): string[][] =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

const collection = (features: readonly Feature[]): Collection => ({ type: 'FeatureCollection', features });
const readCollection = (dir: string, file: string): Collection =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Collection;

interface Unit {
  readonly code: string;
  readonly parent: string;
}
const units = (dir: string, file: string): Unit[] =>
  rows(dir, file).map((r) => ({ code: r[0] ?? '', parent: r[4] ?? '' }));

interface Link {
  readonly newCode: string;
  readonly newLevel: string;
  readonly oldCode: string;
  readonly oldLevel: string;
}
const links = (dir: string): Link[] =>
  rows(dir, 'mapping-2024-to-2025.csv').map((r) => ({
    newCode: r[0] ?? '',
    newLevel: r[2] ?? '',
    oldCode: r[3] ?? '',
    oldLevel: r[5] ?? '',
  }));

/** How many former communes of each 2024 district each 2025 commune took. */
function tallies(dir: string): Map<string, Map<string, number>> {
  const districtOf = new Map(units(dir, 'units-2024.csv').map((u) => [u.code, u.parent]));
  const counts = new Map<string, Map<string, number>>();
  for (const link of links(dir).filter((l) => l.newLevel === '2' && l.oldLevel === '3')) {
    const district = districtOf.get(link.oldCode) ?? '';
    const tally = counts.get(link.newCode) ?? new Map<string, number>();
    tally.set(district, (tally.get(district) ?? 0) + 1);
    counts.set(link.newCode, tally);
  }
  return counts;
}

/** The districts a commune took former communes from, most first (ties by code, so builds agree). */
const byShare = (tally: Map<string, number>): DistrictShare[] =>
  [...tally]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([district, communes]) => ({ district, communes }));

interface Placed {
  readonly communeDistrict: Record<string, string>;
  readonly communeParts: Record<string, DistrictShare[]>;
}

/**
 * Each 2025 commune placed in the 2024 district most of it came from (with the others when it came
 * from several), grouped into maps by `mapOf`. Both trees' maps need them: a 2025 province's, and a
 * former province's in a later period (Phú Yên, 54, in 2026), shown as the communes made from its own.
 */
function placedBy(
  tallied: ReadonlyMap<string, Map<string, number>>,
  mapOf: (commune: string, district: string) => string,
): Map<string, Placed> {
  const byMap = new Map<string, Placed>();
  for (const [commune, tally] of tallied) {
    const shares = byShare(tally);
    const district = shares[0]?.district ?? '';
    const key = mapOf(commune, district);
    const placed = byMap.get(key) ?? { communeDistrict: {}, communeParts: {} };
    placed.communeDistrict[commune] = district;
    if (shares.length > 1) placed.communeParts[commune] = shares;
    byMap.set(key, placed);
  }
  return byMap;
}

/** Every province of both trees, keyed "vn-2024/66", "vn-2025/66". */
export function provinceMaps(dir: string = vnAdminDir()): Map<string, ProvinceMap> {
  const districts = readCollection(dir, 'districts-2024.geojson').features;
  const provinces = readCollection(dir, 'provinces-2024.geojson').features;
  const mapOf = (codes: readonly string[], placed: Placed): ProvinceMap => ({
    districts: collection(districts.filter((d) => codes.includes(d.properties.parent_code ?? ''))),
    outline: collection(provinces.filter((p) => codes.includes(p.properties.code))),
    ...placed,
  });
  const maps = new Map<string, ProvinceMap>();
  const tallied = tallies(dir);
  const newProvinceOf = new Map(units(dir, 'units-2025.csv').map((u) => [u.code, u.parent]));
  // From the unit list, not the outlines: a few districts have none, their communes are placed still.
  const oldProvinceOf = new Map(units(dir, 'units-2024.csv').map((u) => [u.code, u.parent]));
  const communes = placedBy(tallied, (commune) => newProvinceOf.get(commune) ?? '');
  const formerCommunes = placedBy(tallied, (_, district) => oldProvinceOf.get(district) ?? '');
  const none: Placed = { communeDistrict: {}, communeParts: {} };
  for (const p of provinces)
    maps.set(
      `vn-2024/${p.properties.code}`,
      mapOf([p.properties.code], formerCommunes.get(p.properties.code) ?? none),
    );
  const parts = Map.groupBy(
    links(dir).filter((l) => l.newLevel === '1'),
    (l) => l.newCode,
  );
  for (const [code, old] of parts) {
    maps.set(
      `vn-2025/${code}`,
      mapOf(
        old.map((l) => l.oldCode),
        communes.get(code) ?? none,
      ),
    );
  }
  return maps;
}
