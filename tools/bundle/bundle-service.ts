// `node tools/bundle/bundle-service.ts <service>…` bundles the compiled service
// apps/<service>/dist/main.js and everything it imports into one file, apps/<service>/dist-bundle/
// main.mjs: the file every start of the service runs (`serviceEntry`, docs/adr/0045). Run after
// `npx tsc -b` (build-services.ts does both): it bundles tsc's output, where decorator metadata is
// already lowered to __decorate/__metadata calls, so esbuild need not know decorators.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../infra/config.ts';

/**
 * Kept out of the bundle on purpose, and loaded from node_modules when (if) they are imported:
 * - @opentelemetry/*: imported only when tracing is configured (libs/telemetry/src/tracing.ts), and
 *   its instrumentations patch modules as they load from node_modules, which a bundle never does;
 * - swagger-ui-dist: serves its own files from the directory it is installed in (__dirname);
 * - pg, pg-pool: the tracing preload (libs/telemetry/src/register.ts) patches them as they load from
 *   node_modules; bundled, a traced service lost every database span;
 * - @platformatic/wasm-utils: reads its native.wasm next to itself (new URL(..., import.meta.url));
 * - pg-native: pg's optional native binding, a compiled addon (not installed).
 */
const keptOut = [
  '@opentelemetry/*',
  'pg',
  'pg-pool',
  'swagger-ui-dist',
  '@platformatic/wasm-utils',
  'pg-native',
];

const requireHere = createRequire(import.meta.url);

/** Whether a bare import names the package (or a file of it), or matches a `scope/*` pattern. */
const isWithin = (specifier: string, kept: string): boolean =>
  kept.endsWith('/*')
    ? specifier.startsWith(kept.slice(0, -1))
    : specifier === kept || specifier.startsWith(`${kept}/`);

/** CommonJS dependencies inside an ES module still call require and read __dirname/__filename. */
const banner = [
  "import { createRequire as __nhipCreateRequire } from 'node:module';",
  "import { fileURLToPath as __nhipFileURLToPath } from 'node:url';",
  "import { dirname as __nhipDirname } from 'node:path';",
  'const require = __nhipCreateRequire(import.meta.url);',
  'const __filename = __nhipFileURLToPath(import.meta.url);',
  'const __dirname = __nhipDirname(__filename);',
].join('\n');

/**
 * Packages imported but not installed are left as imports, and listed: Nest and TypeORM require
 * their optional peers (other transports, drivers, view engines) inside try/catch, so a missing one
 * must stay a require that fails at run time, exactly as it does unbundled.
 */
function leaveMissingPackagesOut(missing: Set<string>): Plugin {
  return {
    name: 'leave-missing-packages-out',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'probe' || args.path.startsWith('node:')) return undefined;
        if (keptOut.some((kept) => isWithin(args.path, kept))) return { path: args.path, external: true };
        // tslib's ESM wrapper (its "import"/"node" export) read its CommonJS file's default as
        // undefined once bundled; every importer gets the CommonJS file, as require() does.
        if (args.path === 'tslib') return { path: requireHere.resolve('tslib') };
        const found = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'probe',
        });
        if (found.errors.length === 0) return found;
        missing.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Nest's two loggers each make an `Intl.DateTimeFormat` when their module loads, to stamp the lines
 * of its console logger, which no service uses (they log through pino). Making one loads ICU's
 * calendar, time-zone and locale data out of the node binary: measured on the idle activity
 * service, 4.4 MB more of the binary's read-only pages resident and 0.7 MB of its code, ~5 MB of
 * RSS in every service (docs/adr/0046). Here the formatter is made on its first use instead. A Nest
 * that no longer has the line fails the build, so whoever upgrades it looks again.
 */
const nestLoggers = /@nestjs[\\/]common[\\/]services[\\/](console-logger|logger)\.service\.js$/;
const eagerFormatter = /const dateTimeFormatter = new Intl\.DateTimeFormat\(([^;]*?)\);/;

export function lazyFormatter(source: string, file: string): string {
  if (!eagerFormatter.test(source))
    throw new Error(
      `${file} no longer makes its date formatter as bundle-service.ts expects: see whether it still loads ICU data at start, then update or remove lazyNestDateFormatter.`,
    );
  return source.replace(
    eagerFormatter,
    'let dateTimeFormat__; const dateTimeFormatter = { format: (at) => (dateTimeFormat__ ??= new Intl.DateTimeFormat($1)).format(at) };',
  );
}

const lazyNestDateFormatter: Plugin = {
  name: 'lazy-nest-date-formatter',
  setup(b) {
    b.onLoad({ filter: nestLoggers }, async (args) => ({
      contents: lazyFormatter(await fs.promises.readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};

/**
 * V8 keeps a module's source as one string, of two bytes a character if any character is not
 * Latin-1. esbuild escapes strings but leaves regular expression literals as written (validator's
 * locale alphabets), which doubled the whole bundle's source in memory (~7 MB more). Every UTF-16
 * unit outside ASCII becomes \uXXXX, which means the same in strings, templates, regular
 * expressions (without the u flag, which matches code units anyway) and identifiers.
 */
const asciiOnly = (code: string): string =>
  code.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

export async function bundleService(service: string): Promise<{ outfile: string; missing: string[] }> {
  const entry = path.join(repoRoot, 'apps', service, 'dist', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (npx tsc -b).`);
  const outfile = path.join(repoRoot, 'apps', service, 'dist-bundle', 'main.mjs');
  const missing = new Set<string>();
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Not @nhip/source: the built files, as tsc wrote them. (Listing 'import' here would also apply
    // it to require() calls, which broke tslib's ESM wrapper; esbuild adds import/require per call.)
    conditions: ['node'],
    minifyWhitespace: true,
    minifySyntax: true,
    // Nest reads class names (injection tokens, route and Swagger schema names).
    keepNames: true,
    banner: { js: banner },
    metafile: true,
    logLevel: 'warning',
    logOverride: { 'require-resolve-not-external': 'silent' },
    plugins: [leaveMissingPackagesOut(missing), lazyNestDateFormatter],
  });
  fs.writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile));
  fs.writeFileSync(outfile, asciiOnly(fs.readFileSync(outfile, 'utf8')));
  return { outfile, missing: [...missing].sort() };
}

// Run by the image's build stage without the workspace's source conditions: only node:, npm and
// relative imports here.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const services = process.argv.slice(2);
  if (services.length === 0) {
    console.error('Usage: node tools/bundle/bundle-service.ts <service>…');
    process.exit(2);
  }
  for (const service of services) {
    const { outfile } = await bundleService(service);
    const size = (fs.statSync(outfile).size / 1024 / 1024).toFixed(1);
    console.log(`${path.relative(repoRoot, outfile)}: ${size} MB`);
  }
}
