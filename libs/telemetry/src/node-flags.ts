// The Node flags every service runs with, wherever it is started: npm start's supervisor, the test
// and benchmark fixtures, the container image (its CMD is checked against this list). Without them
// V8 sizes itself for a machine with memory to spare: semi-spaces of 64 MB kept resident (45–60 MB
// of an idle service's RSS), and an old space let grow to four times what is live before it is
// collected. 8 MB semi-spaces keep a scavenge short; a 1 GB old-space ceiling is far above any
// service's live set (60–160 MB under P5) but puts V8's heap-growing factor at ~1.6 instead of 4
// (docs/adr/0036).
export const serviceNodeFlags: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=1024'];
