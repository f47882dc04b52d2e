// The replica's routes, projection and @EventPattern controller are shared with the training
// service (libs/registry-replica); this slice is where activity wires them in.
export { applyToReplica, isReplicaType, RegistryReplicaController, ReplicaLag } from '@nhip/registry-replica';
