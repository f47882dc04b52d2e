// Scope by unit path as of a date: a token names a unit; a request concerns a unit (or a team's)
// on a date; the caller may act when the unit lies in the caller's area in the tree in force on
// that date. The area is the token's unit's subtree in that unit's own tree; in another tree it is
// what lineage links to it (a 2024 district in 2025: the communes its communes became), whatever
// that tree's unit of the same code is (scope-roots.ts).
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from './claims.ts';
import { unitOutsideScope } from './problems.ts';

/** A unit's place in one tree version: its path from the province down, itself last. */
export interface Placement {
  readonly treeVersion: string;
  readonly path: readonly string[];
}

/** What a service knows of the unit trees (the registry its read model, others their replica). */
export interface UnitTreePort {
  /** The unit in the tree in force on `day` (YYYY-MM-DD), or undefined when that tree has no such unit. */
  placeOf(unitCode: string, day: string): Promise<Placement | undefined>;
  /** Many units in the tree in force on `day`, by code, in one read; codes that tree lacks are absent. */
  placesOf(unitCodes: readonly string[], day: string): Promise<ReadonlyMap<string, Placement>>;
  /**
   * The units of `treeVersion` that make up the subtree of `scopeUnit`, each with its path: itself
   * in its own tree (`unitTree`; none given, the latest tree in force that has the code, as a
   * token names it), otherwise the units of that tree lineage links to its subtree
   * (`scopeRootsFrom`), even where that tree has another unit of the same code.
   */
  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]>;
}

export const UNIT_TREE_PORT = Symbol('UnitTreePort');

/** How a request relates to the caller's area. */
export type Relation = 'inside' | 'above' | 'outside';

@Injectable()
export class UnitScope {
  constructor(@Inject(UNIT_TREE_PORT) private readonly tree: UnitTreePort) {}

  /** Whether a path of a tree version lies inside the caller's area, contains it, or neither. */
  async relationOf(principal: Principal, placement: Placement): Promise<Relation> {
    if (principal.unit === undefined) return 'inside';
    // No shortcut for the caller's code on the path: in another tree the same code can be another
    // unit (2025's Xã Ia Băng, 23710, is 2024's Xã A Dơk), so the port decides.
    const roots = await this.tree.scopeRootsIn(principal.unit, placement.treeVersion, principal.unitTree);
    if (roots.some((root) => placement.path.includes(root.path.at(-1) ?? ''))) return 'inside';
    const here = placement.path.at(-1) ?? '';
    return roots.some((root) => root.path.includes(here)) ? 'above' : 'outside';
  }

  /**
   * Which of many placements (a list's members' teams, a session's bridge points) lie inside the
   * caller's area, in their order: one lookup of the area per tree version, not one per placement.
   */
  async insideAll(principal: Principal, placements: readonly Placement[]): Promise<boolean[]> {
    if (principal.unit === undefined) return placements.map(() => true);
    const areas = new Map<string, Promise<string[] | undefined>>();
    const inside: boolean[] = [];
    for (const { treeVersion, path } of placements) {
      if (!areas.has(treeVersion)) areas.set(treeVersion, this.areaIn(principal, treeVersion));
      const roots = await areas.get(treeVersion);
      inside.push(!roots || roots.some((root) => path.includes(root)));
    }
    return inside;
  }

  /** The root units of the caller's area in a tree version; undefined means everywhere (admin). */
  async areaIn(principal: Principal, treeVersion: string): Promise<string[] | undefined> {
    if (principal.unit === undefined) return undefined;
    const roots = await this.tree.scopeRootsIn(principal.unit, treeVersion, principal.unitTree);
    return roots.map((root) => root.path.at(-1) ?? '');
  }

  /** Whether the unit, in the tree in force on `day`, is inside the caller's area. */
  async covers(principal: Principal, unitCode: string, day: string): Promise<boolean> {
    if (principal.unit === undefined) return true;
    const placement = await this.tree.placeOf(unitCode, day);
    return placement !== undefined && (await this.relationOf(principal, placement)) === 'inside';
  }

  /**
   * 403 unless the unit is inside the caller's area on `day`. A unit the tree does not have passes,
   * so the endpoint answers its own 404 (unit codes are public reference data).
   */
  async require(principal: Principal, unitCode: string, day: string, field = 'unit'): Promise<void> {
    if (principal.unit === undefined) return;
    const placement = await this.tree.placeOf(unitCode, day);
    if (placement === undefined) return;
    if ((await this.relationOf(principal, placement)) !== 'inside')
      throw unitOutsideScope(unitCode, principal.unit, field, placement.treeVersion);
  }

  /**
   * 403 naming the first of many units (a campaign's, a session's bridge points) outside the
   * caller's area on `day`; units the tree lacks pass, as in `require`. Two reads in all, where
   * `require` unit by unit made two each: a campaign may name thousands of villages.
   */
  async requireUnits(
    principal: Principal,
    unitCodes: readonly string[],
    day: string,
    field: string,
  ): Promise<void> {
    if (principal.unit === undefined || unitCodes.length === 0) return;
    const places = await this.tree.placesOf(unitCodes, day);
    const placements = unitCodes.flatMap((code) => places.get(code) ?? []);
    await this.requirePlacements(principal, placements, field);
  }

  /**
   * 403 naming the first of many placements (a grouping's members) outside the caller's area, by
   * `field`, or by the field `field(index)` names when each placement has its own (`units[3]`).
   */
  async requirePlacements(
    principal: Principal,
    placements: readonly Placement[],
    field: string | ((index: number) => string),
  ): Promise<void> {
    const inside = await this.insideAll(principal, placements);
    const at = placements.findIndex((_, i) => !inside[i]);
    const first = placements[at];
    if (first === undefined) return;
    const named = typeof field === 'string' ? field : field(at);
    throw unitOutsideScope(first.path.at(-1) ?? '?', principal.unit, named, first.treeVersion);
  }

  /** 403 unless a path of a tree version (a team's, an activity's place) is inside the caller's area. */
  async requirePlacement(principal: Principal, placement: Placement, field: string): Promise<void> {
    if ((await this.relationOf(principal, placement)) !== 'inside')
      throw unitOutsideScope(placement.path.at(-1) ?? '?', principal.unit, field, placement.treeVersion);
  }
}
