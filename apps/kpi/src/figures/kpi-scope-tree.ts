// The KPI service's answer to "is this unit in the caller's area on that date", from the unit
// trees and lineage it keeps from the registry's events: a 2024 district's scope reaches the 2025
// communes made from its communes, and a 2025 commune's the 2024 communes it was made of.
import { UnitTreeOverTables, type ScopeRootsDb } from '@nhip/auth';

export class KpiScopeTree extends UnitTreeOverTables {
  constructor(db: ScopeRootsDb) {
    super(db, { trees: 'kpi_unit_trees', units: 'kpi_units', lineage: 'kpi_unit_lineage' });
  }
}
