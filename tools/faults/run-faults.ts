// `npm run faults`: every fault of issue 10 against the supervised platform under load, one after
// the other, each checked by the ledger (docs/adr/0020); writes bench/results/faults.json and a
// markdown table beside it. Progress goes to the terminal while it runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInfra, infraEnv } from '../infra/infra.ts';
import { describeFailure } from '../infra/infra-error.ts';
import { repoRoot } from '../infra/config.ts';
import { log } from '../infra/progress.ts';
import { buildServices } from '../bundle/build-services.ts';
import { allFaults } from './ledger/catalogue.ts';
import { resultsTable } from './ledger/report.ts';
import { brokenRun, runFault, type FaultResult } from './ledger/run-fault.ts';

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  Object.assign(process.env, { NHIP_INFRA: 'native' });
  Object.assign(process.env, infraEnv(await ensureInfra()));
  log('Building the services (tsc -b, then one bundle each)');
  await buildServices();
  const faults = allFaults().filter((f) => only.length === 0 || only.includes(f.name));
  const results: FaultResult[] = [];
  const started = Date.now();
  for (const [i, fault] of faults.entries()) {
    log(`[${i + 1}/${faults.length}] ${fault.name}: ${fault.description}`);
    const result = await runFault(fault, {
      reporters: 8,
      registrars: 1,
      warmupMs: 3_000,
      afterMs: 3_000,
      pauseMs: 20,
      progress: log,
    }).catch((error: unknown) => brokenRun(fault, error));
    if (result.error !== undefined) log(`  ✖ the run broke: ${result.error}`);
    const failed = result.checks.filter((c) => !c.held).map((c) => c.id);
    log(
      `  ${result.held ? '✔' : '✖'} ok ${result.commands.ok} / failed ${result.commands.failed} / unknown ${result.commands.unknown}; recovered in ${(result.recoveryMs / 1000).toFixed(1)} s${failed.length > 0 ? `; NOT HELD: ${failed.join(', ')}` : ''}`,
    );
    results.push(result);
  }
  const file = path.join(repoRoot, 'bench', 'results', 'faults.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    name: 'faults',
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30) },
    params: { reporters: 8, registrars: 1, seconds: Math.round((Date.now() - started) / 1000) },
    faults: results,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), resultsTable(results));
  log(`\n${resultsTable(results)}\nWritten: ${path.relative(repoRoot, file)} and faults.md`);
  return results.every((r) => r.held) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`\n${describeFailure(error)}`);
    process.exit(1);
  },
);
