import 'reflect-metadata';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import { answerSchemas, publicTopics } from '@nhip/contracts';
import { startService } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { rebuildReadModelIfStale } from './schema/rebuild-read-model.ts';
import { registryDataSource } from './schema/registry-data-source.ts';

startService({
  name: 'registry',
  portVariable: 'REGISTRY_PORT',
  readConfig,
  isConfigError: (e) => e instanceof ConfigError,
  dataSource: registryDataSource,
  topics: [
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
    { name: publicTopics.registryMember, partitions: 3 },
  ],
  open: async ({ pool, log }) => {
    const rebuild = await rebuildReadModelIfStale(pool);
    if (rebuild.rebuilt)
      log.info({ events: rebuild.events }, `read models rebuilt from ${rebuild.events} events`);
    return {};
  },
  module: ({ pool, config }) => AppModule.with(pool, config),
  http: {
    onArrival: refuseAnonymousOnArrival,
    // Unit lists and mappings arrive as CSV bytes; decoding (and refusing invalid UTF-8) is the parser's job.
    rawContentTypes: ['text/csv'],
    docs: {
      title: 'Nhịp registry',
      description:
        'Administrative units (levels are data), community digital technology teams and their members.',
      schemas: answerSchemas,
    },
  },
});
