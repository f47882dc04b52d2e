// Where a test or benchmark finds the file a service runs: the bundle the build made in this
// workspace (serviceEntry, docs/adr/0045), or in an assembled image tree when given its root; and
// how a spec starts one from there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceEntry } from '@nhip/telemetry/node-flags';
import { startHttpService, type RunningService } from './http-service.ts';

// This file is libs/testing/src/built-service.ts, or libs/testing/dist/built-service.js once built.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const builtService = (service: string, root: string = workspaceRoot): string =>
  path.join(root, serviceEntry(service));

/**
 * A shipped service from its bundle, the way the end-to-end fixtures start one: it reads
 * <SERVICE>_PORT and <SERVICE>_DATABASE, and its database is named `<service>_<purpose>_…`.
 */
export const startBuiltService = (
  service: string,
  purpose: string,
  env: Record<string, string> = {},
): Promise<RunningService> =>
  startHttpService({
    entry: builtService(service),
    envPrefix: service.toUpperCase(),
    purpose: `${service}_${purpose}`,
    env,
  });
