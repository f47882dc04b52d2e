// The Node flags every service runs with, wherever it is started: npm start's supervisor, the test
// and benchmark fixtures, the container image (its CMD is checked against this list). Without them
// V8 sizes itself for a machine with memory to spare: semi-spaces of 64 MB kept resident (45–60 MB
// of an idle service's RSS), and an old space let grow to four times what is live before it is
// collected. 8 MB semi-spaces keep a scavenge short; a 1 GB old-space ceiling is far above any
// service's live set (60–160 MB under P5) but puts V8's heap-growing factor at ~1.6 instead of 4
// (docs/adr/0036). A 25% heap-growing factor took ~17 MB more off the busy services' peaks under P5
// for 25–50% more CPU, 4 MB semi-spaces 8–15 MB for 8–22%: not adopted (docs/adr/0042). Measure a
// change against this list with BENCH_NODE_FLAGS before it goes here.
export const serviceNodeFlags: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=1024'];

/**
 * glibc malloc settings every service runs with, set in its environment (malloc reads them at start,
 * so neither a flag nor the process itself can). Node's threads (libuv's pool, V8's GC and compiler
 * workers) each get an arena of their own, up to 8 per core, and freed memory stays in them; and a
 * freed large block raises the size below which malloc keeps blocks in those arenas, up to 32 MB, so
 * socket reads, Kafka fetches and file reads end up there too. Two arenas and a fixed 128 KiB
 * threshold (larger blocks mapped and returned to the system when freed) took 10–50 MB off each
 * service's peak under P5 (docs/adr/0039). A value already in the environment wins.
 */
export const serviceNodeEnv: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

/**
 * The file every start of a service runs, relative to the repository (or image) root: the one-file
 * bundle the build makes from the compiled service (tools/bundle, docs/adr/0045). ~3,900 modules
 * loaded one by one held twice the V8 old space of one file; under P5 the bundle took 33–36 MB off
 * each busy service's peak, some CPU, and half the time to ready.
 */
export const serviceEntry = (service: string): string => `apps/${service}/dist-bundle/main.mjs`;
