export { RegistryReplicaController } from './registry-replica.kafka.controller.ts';
export { applyToReplica, isReplicaType } from './replica.routes.ts';
export { ReplicaLag } from './replica-lag.ts';
export {
  ReplicaTeam,
  ReplicaTeamMember,
  ReplicaUnit,
  ReplicaUnitLineage,
  ReplicaUnitTree,
  replicaEntities,
  replicaUnitEntities,
  type ReplicaTeamMemberRow,
  type ReplicaTeamRow,
  type ReplicaUnitRow,
  type ReplicaUnitLineageRow,
  type ReplicaUnitTreeRow,
} from './replica.entities.ts';
export {
  knownUnitCodes,
  teamsOfMembers,
  treeVersionInForce,
  unitPaths,
  type MemberTeam,
} from './replica-facts.queries.ts';
export { ReplicaScopeTree, teamPlacements } from './replica-scope.ts';
