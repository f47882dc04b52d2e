export { FollowRegistryController } from './follow-registry.kafka.controller.ts';
export { applyStocks, isRegistryType } from './follow-registry.routes.ts';
