import 'reflect-metadata';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import { answerSchemas, publicTopics } from '@nhip/contracts';
import { startService } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, consumerGroup, readConfig } from './config.ts';
import { isReplicaType, ReplicaLag } from './registry-replica/follow-registry/index.ts';
import { activityDataSource } from './schema/activity-data-source.ts';

startService({
  name: 'activity',
  portVariable: 'ACTIVITY_PORT',
  readConfig,
  isConfigError: (e) => e instanceof ConfigError,
  dataSource: activityDataSource,
  // What this service publishes and reads. Partitions bound the KPI service's parallelism.
  topics: [
    { name: publicTopics.activity, partitions: 12 }, // keyed by commune
    { name: publicTopics.campaign, partitions: 3 },
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
  ],
  // Runs RegistryReplicaController's @EventPattern handlers.
  consumer: {
    name: consumerGroup,
    isKnownType: isReplicaType,
    failure: 'registry replica failed',
  },
  module: ({ pool, config, consumerLag }) => AppModule.with(pool, config, new ReplicaLag(consumerLag)),
  http: {
    onArrival: refuseAnonymousOnArrival,
    // Bulk files are read as they arrive, never held whole; decoding (and refusing invalid UTF-8)
    // is the parsers' job (docs/adr/0039).
    rawContentTypes: [],
    streamedUploads: { routes: ['/activities/bulk'], types: ['text/csv', 'application/x-ndjson'] },
    docs: {
      title: 'Nhịp activity',
      description:
        'What community digital technology teams did, for how many residents: single and bulk reports, corrections, voids, campaigns.',
      schemas: answerSchemas,
    },
  },
});
