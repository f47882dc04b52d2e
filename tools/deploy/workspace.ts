// What one service ships: its own package and the workspace libraries it depends on, transitively,
// as its package.json files say (the npm dependency lists are the contract, not the import graph:
// a spec may import @nhip/testing, a production dependency may not be left out).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';

export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  /** Folder relative to the repository root, e.g. libs/auth. */
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** Every npm workspace of the repository (apps/*, libs/*, bench), by package name. */
export function workspacePackages(root = repoRoot): Map<string, WorkspacePackage> {
  const dirs = ['apps', 'libs'].flatMap((parent) =>
    fs.readdirSync(path.join(root, parent)).map((d) => `${parent}/${d}`),
  );
  const found = new Map<string, WorkspacePackage>();
  for (const dir of [...dirs, 'bench']) {
    const file = path.join(root, dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    found.set(manifest.name, {
      name: manifest.name,
      version: manifest.version,
      dir,
      dependencies: manifest.dependencies ?? {},
    });
  }
  return found;
}

/** The deployable services: folders under apps/ with a Dockerfile. */
export function services(root = repoRoot): string[] {
  return fs
    .readdirSync(path.join(root, 'apps'))
    .filter((d) => fs.existsSync(path.join(root, 'apps', d, 'Dockerfile')))
    .sort();
}

export interface ServiceClosure {
  readonly service: WorkspacePackage;
  /** Workspace libraries it needs at run time, sorted by name. */
  readonly libraries: readonly WorkspacePackage[];
}

export function closureOf(service: string, root = repoRoot): ServiceClosure {
  const packages = workspacePackages(root);
  const own = [...packages.values()].find((p) => p.dir === `apps/${service}`);
  if (!own) throw new Error(`No service apps/${service} with a package.json.`);
  const seen = new Map<string, WorkspacePackage>();
  const visit = (pkg: WorkspacePackage): void => {
    for (const name of Object.keys(pkg.dependencies)) {
      const dependency = packages.get(name);
      if (!dependency || seen.has(name)) continue;
      seen.set(name, dependency);
      visit(dependency);
    }
  };
  visit(own);
  return { service: own, libraries: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
