// The registry's answer to "is this unit in the caller's area on that date" (libs/auth's
// UnitTreePort), read from its own unit read model: paths per tree version, lineage across reforms.
import { UnitTreeOverTables, type ScopeRootsDb } from '@nhip/auth';

export class RegistryUnitTree extends UnitTreeOverTables {
  constructor(db: ScopeRootsDb) {
    super(db, { trees: 'rm_unit_trees', units: 'rm_units', lineage: 'rm_unit_lineage' });
  }
}
