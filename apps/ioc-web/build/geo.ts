// The map's outlines, made from ../shared/data/vn-admin each time the dashboard is built or served,
// never copied into the repository (ADR 0030). A 2024 province is its districts; a 2025 province has
// no outline of its own, so it is drawn from the 2024 provinces that became it (the lineage), its
// districts kept as regions, and each 2025 commune placed in the 2024 district most of it came from.
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

export interface ProvinceMap {
  /** Regions: the 2024 districts of the province or of its 2024 parts. */
  readonly districts: Collection;
  /** The province's outline: itself in 2024, its 2024 parts in 2025. */
  readonly outline: Collection;
  /** 2025 commune → the 2024 district that gave it most of its former communes. */
  readonly communeDistrict: Readonly<Record<string, string>>;
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

/** For each 2025 commune, the 2024 district holding the most of its former communes. */
function communeDistricts(dir: string): Map<string, Map<string, string>> {
  const districtOf = new Map(
    rows(dir, 'units-2024.csv').map(([code = '', , , , parent = '']) => [code, parent]),
  );
  const counts = new Map<string, Map<string, number>>();
  for (const [newCode = '', , newLevel, oldCode = '', , oldLevel] of rows(dir, 'mapping-2024-to-2025.csv')) {
    if (newLevel !== '2' || oldLevel !== '3') continue;
    const district = districtOf.get(oldCode) ?? '';
    const tally = counts.get(newCode) ?? new Map<string, number>();
    tally.set(district, (tally.get(district) ?? 0) + 1);
    counts.set(newCode, tally);
  }
  const byProvince = new Map<string, Map<string, string>>();
  const provinceOf = new Map(
    rows(dir, 'units-2025.csv').map(([code = '', , , , parent = '']) => [code, parent]),
  );
  for (const [commune, tally] of counts) {
    const [best = ''] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [];
    const province = provinceOf.get(commune) ?? '';
    const map = byProvince.get(province) ?? new Map<string, string>();
    map.set(commune, best);
    byProvince.set(province, map);
  }
  return byProvince;
}

/** Every province of both trees, keyed "vn-2024/66", "vn-2025/66". */
export function provinceMaps(dir: string = vnAdminDir()): Map<string, ProvinceMap> {
  const districts = readCollection(dir, 'districts-2024.geojson').features;
  const provinces = readCollection(dir, 'provinces-2024.geojson').features;
  const districtsOf = (codes: readonly string[]) =>
    collection(districts.filter((d) => codes.includes(d.properties.parent_code ?? '')));
  const outlineOf = (codes: readonly string[]) =>
    collection(provinces.filter((p) => codes.includes(p.properties.code)));
  const maps = new Map<string, ProvinceMap>();
  for (const p of provinces) {
    const codes = [p.properties.code];
    maps.set(`vn-2024/${p.properties.code}`, {
      districts: districtsOf(codes),
      outline: outlineOf(codes),
      communeDistrict: {},
    });
  }
  const parts = new Map<string, string[]>();
  for (const [newCode = '', , newLevel, oldCode = ''] of rows(dir, 'mapping-2024-to-2025.csv')) {
    if (newLevel === '1') parts.set(newCode, [...(parts.get(newCode) ?? []), oldCode]);
  }
  const communes = communeDistricts(dir);
  for (const [code, old] of parts) {
    maps.set(`vn-2025/${code}`, {
      districts: districtsOf(old),
      outline: outlineOf(old),
      communeDistrict: Object.fromEntries(communes.get(code) ?? []),
    });
  }
  return maps;
}
