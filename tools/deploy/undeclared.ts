// Packages a workspace package's shipped code imports without declaring them in its package.json.
// The image installs declared dependencies only (`npm ci --omit=dev -w`), so an undeclared one that
// happens to be hoisted in the workspace would be missing at run time in the container.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import type { WorkspacePackage } from './workspace.ts';

const notShipped = /(\.spec\.ts|\.d\.ts)$|\/fixtures\//;
const specifier = /(?:from\s+|import\s*\(\s*|import\s+)'([^'./][^']*)'/g;

/** The TypeScript sources under `dir` an image ships: no specs, declarations or fixtures. */
export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !notShipped.test(`/${f}`))
    .map((f) => path.join(dir, f));
}

const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);

const builtin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);

/** `package → files` for every bare import of `pkg`'s shipped sources missing from its dependencies. */
/** The packages one file imports at run time (type-only imports vanish from the compiled code). */
function importedPackages(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8').replace(/import\s+type\s[^;]*;/g, '');
  return [...code.matchAll(specifier)]
    .map(([, spec = '']) => packageOf(spec))
    .filter((name) => !builtin(name));
}

export function undeclaredImports(pkg: WorkspacePackage, root = repoRoot): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, pkg.dir, 'src')))
    for (const name of importedPackages(file))
      if (name !== pkg.name && !(name in pkg.dependencies))
        missing.set(name, [...(missing.get(name) ?? []), path.relative(root, file)]);
  return missing;
}
