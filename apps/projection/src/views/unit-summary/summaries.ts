// The summary as the page and the stream's snapshot both serve it: the caller's scope checked on
// the projection's replica, the figures from its read model, the catalog's names from the KPI service,
// and the KPI service's own view for what the read model has no value of.
import { Inject, Injectable } from '@nestjs/common';
import { UnitScope } from '@nhip/auth';
import pg from 'pg';
import type { Period } from '../../periods/period.ts';
import type { Asker } from '../asker.ts';
import { KpiClient } from '../kpi-passthrough/index.ts';
import { requireScopedUnit, type ScopedUnit } from '../unit-lookup.ts';
import { unitSummary, type UnitSummary } from './unit-summary.queries.ts';

/** A summary, and whether every caller who may see its unit may be shown it as it is. */
export interface SnapshotSummary {
  readonly summary: UnitSummary;
  readonly shareable: boolean;
}

@Injectable()
export class Summaries {
  constructor(
    @Inject(pg.Pool) readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
    @Inject(KpiClient) private readonly kpi: KpiClient,
  ) {}

  /** 400 for a malformed code, 404 for an unknown one, 403 outside the asker's area. */
  unit(asker: Asker, code: string, period: Period, field = 'code'): Promise<ScopedUnit> {
    return requireScopedUnit(this.pool, this.scope, asker.principal, [code, period, field]);
  }

  /**
   * A summary builder with the catalog already asked for: a KPI outage fails here, not later. With
   * `knownAt` (an ISO instant) every figure is the KPI service's as known then.
   */
  async builder(
    asker: Asker,
    knownAt?: string,
  ): Promise<(unit: ScopedUnit, period: Period) => Promise<UnitSummary>> {
    const build = await this.snapshotBuilder(asker, knownAt);
    return async (unit, period) => (await build(unit, period)).summary;
  }

  /**
   * The same, telling too whether every KPI view it asked was answered: a refused view leaves its
   * figures blank for this caller only, and the stream does not share such a snapshot.
   */
  async snapshotBuilder(
    asker: Asker,
    knownAt?: string,
  ): Promise<(unit: ScopedUnit, period: Period) => Promise<SnapshotSummary>> {
    const catalog = await this.kpi.catalog(asker.authorization);
    return async (unit, period) => {
      let shareable = true;
      const views = async (code: string, p: string) => {
        const view = await this.kpi.unitView(code, p, asker.authorization, knownAt);
        if (!view) shareable = false;
        return view;
      };
      const summary = await unitSummary(this.pool, unit, period, { catalog, views, knownAt });
      return { summary, shareable };
    };
  }
}
