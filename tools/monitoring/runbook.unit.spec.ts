// The on-call runbook (docs/runbook.md) is where each alert's `runbook_url` points. A section per
// alert, and nothing in it the repository does not have: a panel, a file, a script, a Deployment.
// A renamed panel or a moved file fails here, not on the night someone follows the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { imageSpecs } from '../deploy/dockerfile.ts';
import { repoRoot } from '../infra/config.ts';
import { rulesYaml, runbookFile, runbookOf } from './prometheus-files.ts';
import { alertSignals, monitoredServices, overviewPanels, servicePanels } from './signals.ts';

const text = fs.readFileSync(path.join(repoRoot, runbookFile), 'utf8');
const sections = new Map(
  text
    .split(/^## /m)
    .slice(1)
    .map((section) => [section.slice(0, section.indexOf('\n')).trim(), section]),
);
const services = monitoredServices.map((s) => s.name);
const exists = (file: string) => fs.existsSync(path.join(repoRoot, file));

describe('the on-call runbook', () => {
  it('has a section per alert, where the rule points, saying what it means, where to look and what not to do', () => {
    expect([...sections.keys()]).toEqual(alertSignals.map((a) => a.alert));
    for (const { alert } of alertSignals) {
      // GitHub's anchor for "## ServiceDown" is #servicedown.
      expect(rulesYaml()).toContain(`runbook_url: ${runbookFile}#${alert.toLowerCase()}`);
      expect(runbookOf(alert)).toBe(`${runbookFile}#${alert.toLowerCase()}`);
      for (const part of [
        '**What it means.**',
        '**Look first.**',
        '**Likely causes and what to do',
        '**Do not.**',
      ])
        expect({ alert, has: sections.get(alert)?.includes(part) }).toEqual({ alert, has: true });
    }
  });

  it('names only the panels and dashboards Grafana is given', () => {
    const panels = [overviewPanels, ...monitoredServices.map(servicePanels)].flat().map((p) => p.title);
    const dashboards = ['Nhịp · platform overview', 'Nhịp · <service> operations'];
    // Quoted text that is not a panel: the problem's title, log levels, the rule's job matcher.
    const other = ['Service not ready', 'warn', 'error', '<service>', services.join('|')];
    const quoted = [...text.matchAll(/"([^"\n]+)"/g)].map(([, q = '']) => q);
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.filter((q) => ![...panels, ...dashboards, ...other].includes(q))).toEqual([]);
  });

  it('names only files, ADRs, scripts and Deployments the repository has', () => {
    const tokens = [...text.matchAll(/`([^`\n]+)`/g)].map(([, token = '']) => token);
    const deployments = tokens.filter((t) => /^deploy\/[a-z]+$/.test(t));
    expect(deployments.filter((t) => !exists(`deploy/k8s/base/${t.slice('deploy/'.length)}.yaml`))).toEqual(
      [],
    );
    const files = tokens.filter(
      (t) => /^(apps|libs|tools|deploy|docs)\//.test(t) && !deployments.includes(t),
    );
    // A `<service>` in a path holds for every service.
    const missing = files.flatMap((f) =>
      f.includes('<service>') ? services.map((s) => f.replace('<service>', s)) : [f],
    );
    expect(missing.filter((f) => !exists(f))).toEqual([]);
    const adrs = [...text.matchAll(/docs\/adr\/(\d{4})((?:, \d{4})*)/g)].flatMap(
      ([, first = '', more = '']) => [first, ...more.split(', ').filter(Boolean)],
    );
    expect(adrs.length).toBeGreaterThan(10);
    const adrFiles = fs.readdirSync(path.join(repoRoot, 'docs', 'adr'));
    expect(adrs.filter((n) => !adrFiles.some((f) => f.startsWith(`${n}-`)))).toEqual([]);
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: object })
        .scripts,
    );
    const run = [...text.matchAll(/npm run ([\w:-]+)/g)].map(([, script = '']) => script);
    expect(run.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('gives each service the port, consumer group and failure message it runs with', () => {
    const rows = new Map(
      [...text.matchAll(/^\| (\w+) +\| \w+, (\d+) +\| (.+?) +\| (.*?) *\|$/gm)].map(
        ([, s = '', ...cells]) => [s, cells.map((cell) => cell.replaceAll('`', ''))],
      ),
    );
    expect([...rows.keys()].sort()).toEqual([...services].sort());
    for (const service of services) {
      const source = (file: string) => fs.readFileSync(path.join(repoRoot, 'apps', service, file), 'utf8');
      const port = String(imageSpecs.find((image) => image.service === service)?.port);
      const group = /export const consumerGroup = '([^']+)'/.exec(source('src/config.ts'))?.[1] ?? 'none';
      const failure = /failure: '([^']+)'/.exec(source('src/main.ts'))?.[1] ?? '';
      expect({ service, row: rows.get(service) }).toEqual({ service, row: [port, group, failure] });
    }
  });

  it('names the dead-letter command each consuming service ships, and only those', () => {
    const shipped = [...text.matchAll(/node apps\/(\w+)\/dist\/dead-letters\.js/g)].map(([, s = '']) => s);
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.filter((s) => !exists(`apps/${s}/src/dead-letters.ts`))).toEqual([]);
  });
});
