// The Node flags every service runs with, wherever it is started: npm start's supervisor, the test
// and benchmark fixtures, the container image (its CMD is checked against this list). Without a cap
// V8 grows the young generation to 2 × 64 MB on a machine with memory to spare, and keeps those
// pages resident: 45–60 MB of every service's RSS while idle. 8 MB semi-spaces keep a scavenge
// short and cost no measurable throughput at the platform's loads (docs/adr/0036).
export const serviceNodeFlags: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=512'];
