// `node tools/deploy/assemble.ts <service> <outDir>`: the file tree of one service's image, built
// from a compiled workspace (tsc -b), as the Dockerfile's last stage copies it (docs/adr/0032):
//   <outDir>/node_modules            `npm ci --omit=dev -w <its package>`: its own npm dependencies only
//   <outDir>/apps/<service>/dist     its compiled code, without specs (its deploy step, migrate.js)
//   <outDir>/apps/<service>/dist-bundle/main.mjs   the one file the service runs (docs/adr/0045)
//   <outDir>/libs/<lib>/dist         each workspace library it depends on, and nothing else
//   <outDir>/apps/ioc-web/dist       the projection's only: the dashboard it serves at / (built by Vite)
// The workspace links in node_modules/@nhip point at ../../libs/<lib>, so the tree keeps that shape.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import { serviceEntry } from '@nhip/telemetry/node-flags';
import { closureOf, workspacePackages, type WorkspacePackage } from './workspace.ts';

/**
 * Compiled files an image must not carry: specs and the fixtures only specs import (no shipped
 * module imports a fixtures folder; tools/deploy/undeclared.ts skips them for the same reason).
 */
const shipped = (src: string): boolean =>
  !/\.spec\.(js|d\.ts|js\.map)$/.test(src) && !src.split(path.sep).includes('fixtures');

function copyPackage(pkg: WorkspacePackage, outDir: string, root: string): void {
  const from = path.join(root, pkg.dir);
  const to = path.join(outDir, pkg.dir);
  if (!fs.existsSync(path.join(from, 'dist')))
    throw new Error(`${pkg.dir}/dist is missing: build first (npx nx run-many -t build, or tsc -b).`);
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
  fs.cpSync(path.join(from, 'dist'), path.join(to, 'dist'), {
    recursive: true,
    filter: (src) => shipped(path.relative(from, src)) && !src.endsWith('.tsbuildinfo'),
  });
}

/**
 * Installs the service's production dependencies alone, from the workspace's own lockfile, in a
 * scratch copy of every package.json (npm needs them all to read the lockfile).
 */
function installProduction(service: WorkspacePackage, outDir: string, root: string): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `nhip-${path.basename(service.dir)}-`));
  try {
    for (const file of ['package.json', 'package-lock.json'])
      fs.copyFileSync(path.join(root, file), path.join(scratch, file));
    for (const pkg of workspacePackages(root).values()) {
      fs.mkdirSync(path.join(scratch, pkg.dir), { recursive: true });
      fs.copyFileSync(path.join(root, pkg.dir, 'package.json'), path.join(scratch, pkg.dir, 'package.json'));
    }
    const npm = spawnSync(
      'npm',
      [
        'ci',
        '--omit=dev',
        '-w',
        service.name,
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
      ],
      { cwd: scratch, encoding: 'utf8' },
    );
    if (npm.status !== 0) throw new Error(`npm ci for ${service.name} failed:\n${npm.stderr}`);
    fs.cpSync(path.join(scratch, 'node_modules'), path.join(outDir, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Built files a service serves besides its code, by service: no import finds them. */
const assets: Readonly<Record<string, readonly string[]>> = { projection: ['apps/ioc-web/dist'] };

function copyAssets(service: string, outDir: string, root: string): void {
  for (const dir of assets[service] ?? []) {
    if (!fs.existsSync(path.join(root, dir, 'index.html')))
      throw new Error(`${dir} is missing: build it first (npx nx run-many -t build).`);
    fs.cpSync(path.join(root, dir), path.join(outDir, dir), { recursive: true });
  }
}

/** The bundle the service runs; its esbuild metafile stays behind. */
function copyBundle(service: string, outDir: string, root: string): void {
  const entry = serviceEntry(service);
  if (!fs.existsSync(path.join(root, entry)))
    throw new Error(`${entry} is missing: bundle it first (node tools/bundle/bundle-service.ts ${service}).`);
  fs.mkdirSync(path.dirname(path.join(outDir, entry)), { recursive: true });
  fs.copyFileSync(path.join(root, entry), path.join(outDir, entry));
}

export function assemble(service: string, outDir: string, root = repoRoot): void {
  const { service: own, libraries } = closureOf(service, root);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const pkg of [own, ...libraries]) copyPackage(pkg, outDir, root);
  copyBundle(service, outDir, root);
  copyAssets(service, outDir, root);
  installProduction(own, outDir, root);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [service, outDir] = process.argv.slice(2);
  if (!service || !outDir) {
    process.stderr.write('Usage: node tools/deploy/assemble.ts <service> <outDir>\n');
    process.exit(2);
  }
  assemble(service, path.resolve(outDir));
  process.stdout.write(`${service}: image tree in ${outDir}\n`);
}
