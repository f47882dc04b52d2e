export { RegistryReplicaController } from './follow-registry.kafka.controller.ts';
export { applyToReplica, isReplicaType } from './follow-registry.routes.ts';
export { ReplicaLag } from './replica-lag.ts';
