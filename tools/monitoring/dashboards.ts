// The Grafana dashboards, built with the Grafana Foundation SDK from the signals in signals.ts:
// one operations dashboard per service and a platform overview. `npm run grafana:dashboards`
// writes them to deploy/grafana/dashboards/; never edit the JSON by hand.
import { VizLegendOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { monitoredServices, overviewPanels, servicePanels, type PanelSignal } from './signals.ts';

/** The data source provisioned beside the dashboards (deploy/grafana/provisioning/datasources). */
export const datasource = { type: 'prometheus', uid: 'nhip-prometheus' };

function panel(signal: PanelSignal): PanelBuilder {
  return new PanelBuilder()
    .title(signal.title)
    .unit(signal.unit)
    .datasource(datasource)
    .height(8)
    .span(12)
    .legend(new VizLegendOptionsBuilder().showLegend(true))
    .withTarget(new DataqueryBuilder().datasource(datasource).expr(signal.expr).legendFormat(signal.legend));
}

function dashboard(uid: string, title: string, signals: readonly PanelSignal[]): object {
  // The classic dashboard model, not dashboardv2: file provisioning reads it in every Grafana
  // release, while v2 needs Grafana 12 with its new-layouts feature switched on.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const builder = new DashboardBuilder(title)
    .uid(uid)
    .tags(['nhip', 'generated'])
    .readonly()
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser');
  for (const signal of signals) builder.withPanel(panel(signal));
  return builder.build();
}

/** File name → dashboard, in the order they are written. */
export function dashboards(): Map<string, object> {
  const all = new Map<string, object>();
  all.set('platform-overview.json', dashboard('nhip-overview', 'Nhịp · platform overview', overviewPanels));
  for (const service of monitoredServices) {
    all.set(
      `${service.name}.json`,
      dashboard(`nhip-${service.name}`, `Nhịp · ${service.name} operations`, servicePanels(service)),
    );
  }
  return all;
}
