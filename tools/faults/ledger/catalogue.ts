// Every fault `npm run faults` runs, in order, and the short list the test tier runs.
import {
  brokerKill,
  brokerProxyFault,
  databaseProxyFault,
  duplicates,
  failpointKill,
  poison,
  postgresStop,
  serviceKill,
  slowConsumer,
} from './faults.ts';
import { kpiLedger } from './kpi-fault.ts';
import { projectionLedger } from './projection-fault.ts';
import type { Fault } from './run-fault.ts';

export function allFaults(): Fault[] {
  return [
    brokerKill(6_000),
    postgresStop(5_000),
    serviceKill('registry'),
    serviceKill('activity'),
    failpointKill('activity', 'command:before-commit@40', 'a report decided, not yet committed'),
    failpointKill('activity', 'command:after-commit@40', 'a report committed, its reply not yet sent'),
    failpointKill('registry', 'command:before-commit@8', 'a team decided, not yet committed'),
    failpointKill('registry', 'command:after-commit@8', 'a team committed, its reply not yet sent'),
    failpointKill(
      'activity',
      'relay:after-publish@5',
      'outbox rows sent to Kafka, the checkpoint not yet saved',
    ),
    failpointKill('activity', 'consumer:before-db-commit@10', 'replica batch applied, not yet committed'),
    failpointKill('activity', 'consumer:after-db-commit@10', 'replica batch committed, Kafka offset not yet'),
    databaseProxyFault('latency'),
    databaseProxyFault('reset'),
    databaseProxyFault('blackhole'),
    brokerProxyFault('latency'),
    brokerProxyFault('reset'),
    brokerProxyFault('blackhole'),
    duplicates,
    slowConsumer,
    poison(),
    kpiLedger,
    projectionLedger,
  ];
}
