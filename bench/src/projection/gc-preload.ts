// Loaded (--import) into both servers the fan-out benchmark measures: a full garbage collection
// whenever the benchmark touches this process's marker file, then what is live on the heap is
// written back. Without it a server that makes garbage per connection (a framework,
// scope checks) looked as if it kept it per connection. A file, not a signal: nothing in a service
// should change how it answers signals for a benchmark.
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const marker = `${process.env['BENCH_GC_DIR'] ?? '/tmp'}/gc-${process.pid}`;
let seen = 0;
setInterval(() => {
  const touched = fs.statSync(marker, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (touched === seen) return;
  seen = touched;
  gc();
  // Said back with what is live now, so the benchmark knows this process did collect (a server
  // without the preload would not) and reads its heap without the garbage.
  const { heapUsed, external } = process.memoryUsage();
  fs.writeFileSync(`${marker}.done`, JSON.stringify({ heapUsed, external }));
}, 100).unref();
