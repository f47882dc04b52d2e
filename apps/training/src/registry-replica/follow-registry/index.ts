// The registry replica every service that checks members keeps (libs/registry-replica): units,
// teams and memberships from the registry's public events, applied on the Nest Kafka transport.
export { applyToReplica, isReplicaType, RegistryReplicaController, ReplicaLag } from '@nhip/registry-replica';
