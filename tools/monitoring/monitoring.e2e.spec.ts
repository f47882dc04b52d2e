// The real Prometheus against the five services: promtool accepts the configuration and the rules,
// every service is scraped, and every PromQL query of every generated Grafana panel and of every
// alert rule answers; the panels' and the alerts' signals with series, so nothing is blank on a
// fresh deployment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  eventually,
  freePort,
  type RunningService,
  startBuiltService,
  uniqueTopicPrefix,
} from '@nhip/testing';
import { parse } from 'yaml';
import { repoRoot } from '../infra/config.ts';
import { postReport, villageWithTeam } from '../telemetry/trace-platform.ts';
import { composePrometheusFile, dashboardsDir, rulesFile } from './generated.ts';
import { promtool, query, startPrometheus, stopPrometheus, type PrometheusRun } from './prometheus.ts';
import { alertSignals, monitoredServices } from './signals.ts';

const units2024 = fs.readFileSync(path.join(repoRoot, 'apps/kpi/src/fixtures/units-2024.csv'));

function panelQueries(): { where: string; expr: string }[] {
  const dir = path.join(repoRoot, dashboardsDir);
  return fs.readdirSync(dir).flatMap((file) => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    return dashboard.panels.flatMap((panel) =>
      // Grafana's own interval variable, as it would choose it for a 1 s scrape.
      panel.targets.map((t) => ({
        where: `${file}: ${panel.title}`,
        expr: t.expr.replaceAll('$__rate_interval', '15s'),
      })),
    );
  });
}

describe('Prometheus over the running services', () => {
  const services: RunningService[] = [];
  let prometheus: PrometheusRun;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-prometheus-'));

  beforeAll(async () => {
    const shared = { NHIP_TOPIC_PREFIX: uniqueTopicPrefix() };
    const start = (name: string, env: Record<string, string> = {}) =>
      startBuiltService(name, 'prom', { ...shared, ...env });
    const registry = await start('registry');
    services.push(registry, await start('activity', { ACTIVITY_LATE_WINDOW_DAYS: '3650' }));
    services.push(await start('training', { REGISTRY_URL: registry.base }));
    const kpi = await start('kpi');
    services.push(kpi, await start('projection', { KPI_URL: kpi.base }));
    const targets = monitoredServices.map((s, i) => ({
      job: s.name,
      address: new URL(services[i]?.base ?? '').host,
    }));
    const port = Number(process.env['NHIP_PROMETHEUS_PORT'] ?? (await freePort()));
    prometheus = startPrometheus(dir, port, targets, '1s');
    // Traffic: a tree, a village, a team and a report, so events cross every consumer.
    await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2024-01-01', units2024, {
      'content-type': 'text/csv',
    });
    const { place, teamId } = await villageWithTeam(registry, '20206');
    const report = {
      activityId: crypto.randomUUID(),
      teamId,
      placeCode: place,
      kind: 'vneid_activation',
      residentsHelped: 2,
      occurredAt: '2024-03-10T08:00:00+07:00',
    };
    await postReport(services[1] as RunningService, report, {});
  });
  afterAll(async () => {
    stopPrometheus(dir);
    await Promise.all(services.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes promtool check rules', () => {
    expect(promtool('check', 'rules', path.join(repoRoot, rulesFile))).toMatch(/SUCCESS: 5 rules found/);
  });

  it("passes promtool check config with docker-compose.yml's configuration, finding the rules beside it", () => {
    // Compose mounts deploy/prometheus at /etc/prometheus; the rules are named relative to the file.
    expect(promtool('check', 'config', path.join(repoRoot, composePrometheusFile))).toMatch(
      /SUCCESS: 5 rules found/,
    );
  });

  it('scrapes every service', async () => {
    const up = await eventually(
      async () => {
        const series = await query(prometheus.url, 'up == 1');
        return series.length === monitoredServices.length ? series : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(up.map((s) => s.metric['job']).sort()).toEqual(monitoredServices.map((s) => s.name).sort());
  });

  it('answers every panel query with series', async () => {
    const queries = panelQueries();
    expect(queries.length).toBeGreaterThan(40);
    for (const { where, expr } of queries) {
      const series = await eventually(
        async () => ((await query(prometheus.url, expr)).length > 0 ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 500 },
      ).catch(() => false);
      expect({ where, expr, answered: series }).toEqual({ where, expr, answered: true });
    }
  });

  it('runs every alert rule, and what each watches has series', async () => {
    const rules = (
      parse(fs.readFileSync(path.join(repoRoot, rulesFile), 'utf8')) as {
        groups: { rules: { alert: string; expr: string }[] }[];
      }
    ).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(alertSignals.map((a) => a.alert));
    for (const rule of rules) await query(prometheus.url, rule.expr); // throws on an invalid expression
    for (const { alert, signal } of alertSignals) {
      const answered = await eventually(
        async () => ((await query(prometheus.url, signal)).length > 0 ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 500 },
      ).catch(() => false);
      expect({ alert, signal, answered }).toEqual({ alert, signal, answered: true });
    }
  });
});
