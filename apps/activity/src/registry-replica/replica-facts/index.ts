export {
  knownUnitCodes,
  loadReplicaFacts,
  treeVersionInForce,
  type ReplicaFacts,
} from './replica-facts.queries.ts';
export { ReplicaUnitTree, teamPlacements } from './replica-unit-tree.ts';
