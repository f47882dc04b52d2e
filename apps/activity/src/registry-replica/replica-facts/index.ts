export {
  knownUnitCodes,
  loadReplicaFacts,
  treeVersionInForce,
  type ReplicaFacts,
} from './replica-facts.queries.ts';
export { ReplicaScopeTree, teamPlacements } from '@nhip/registry-replica';
