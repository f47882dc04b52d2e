// The services as they ship, for every start of them (npm start, the test tiers, the fault suite,
// the benchmarks): the workspace compiled by tsc -b, then each service bundled into the one file
// it runs (serviceEntry, docs/adr/0045). The images do the same per service in their build stage.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stop } from 'esbuild';
import { repoRoot } from '../infra/config.ts';
import { bundleService } from './bundle-service.ts';

/** Every deployable service, in the order npm start brings them up. */
export const serviceNames = ['registry', 'activity', 'training', 'kpi', 'projection'] as const;

export class BuildFailed extends Error {}

function compile(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const child = spawn(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: repoRoot });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BuildFailed(`tsc -b failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Compiles the workspace and bundles each service; throws BuildFailed with what the step said. */
export async function buildServices(): Promise<void> {
  await compile();
  try {
    for (const service of serviceNames) await bundleOne(service);
  } finally {
    // esbuild's service process (~600 MB after five bundles) would otherwise live as long as the
    // caller: the whole test run, for the end-to-end tier.
    await stop();
  }
}

async function bundleOne(service: string): Promise<void> {
  try {
    await bundleService(service);
  } catch (error) {
    throw new BuildFailed(
      `bundling ${service} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServices();
  console.log(`built and bundled: ${serviceNames.join(', ')}`);
}
