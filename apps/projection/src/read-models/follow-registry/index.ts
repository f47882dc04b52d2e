export { FollowRegistryController } from './follow-registry.kafka.controller.ts';
export { isReplicaType } from '@nhip/registry-replica';
