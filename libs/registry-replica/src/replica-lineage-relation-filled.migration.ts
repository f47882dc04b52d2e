import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills the lineage relation of rows consumed before the replica kept it (ReplicaLineageRelation
 * left them null, read as `partial`): a province operator's sign-in was refused its own province in
 * every period of the 2024 tree until someone reset the replica's consumer group by hand, which no
 * deployment step did. The relation is a fact of the links themselves (data/vn-admin's README:
 * `full` when the whole older unit went into one newer unit, `partial` when it was split between
 * several), so it is counted from them: a predecessor with one link into a tree went whole. All
 * 10,667 links of the 2024→2025 reform agree with that count (9,655 single and `full`, 1,012 split
 * and `partial`).
 */
export class ReplicaLineageRelationFilled implements MigrationInterface {
  readonly name = 'ReplicaLineageRelationFilled1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      UPDATE replica_unit_lineage l
         SET relation = CASE WHEN s.links = 1 THEN 'full' ELSE 'partial' END
        FROM (SELECT tree_version, predecessor_tree_version, predecessor_code, count(*) AS links
                FROM replica_unit_lineage
               GROUP BY tree_version, predecessor_tree_version, predecessor_code) s
       WHERE l.relation IS NULL
         AND s.tree_version = l.tree_version
         AND s.predecessor_tree_version = l.predecessor_tree_version
         AND s.predecessor_code = l.predecessor_code`);
  }

  down(): Promise<void> {
    // The filled values are the ones a replay writes: nothing to put back.
    return Promise.resolve();
  }
}
