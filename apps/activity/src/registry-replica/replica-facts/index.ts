export {
  knownUnitCodes,
  loadReplicaFacts,
  treeVersionInForce,
  type ReplicaFacts,
} from './replica-facts.queries.ts';
