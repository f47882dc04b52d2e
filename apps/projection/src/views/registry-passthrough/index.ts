export { RegistryPassthroughController } from './registry-passthrough.http.controller.ts';
export { RegistryClient } from './registry-client.ts';
