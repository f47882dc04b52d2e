export { FollowRegistryController } from './follow-registry.kafka.controller.ts';
export { applyStocks, followRegistry, isRegistryType } from './follow-registry.routes.ts';
