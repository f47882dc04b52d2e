// Where a test or benchmark finds the file a service runs: the bundle the build made in this
// workspace (serviceEntry, docs/adr/0045), or in an assembled image tree when given its root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceEntry } from '@nhip/telemetry/node-flags';

// This file is libs/testing/src/built-service.ts, or libs/testing/dist/built-service.js once built.
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const builtService = (service: string, root: string = workspaceRoot): string =>
  path.join(root, serviceEntry(service));
