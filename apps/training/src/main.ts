import 'reflect-metadata';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import { answerSchemas, publicTopics } from '@nhip/contracts';
import { startService } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, consumerGroup, readConfig } from './config.ts';
import { isReplicaType, ReplicaLag } from './registry-replica/follow-registry/index.ts';
import { trainingDataSource } from './schema/training-data-source.ts';

startService({
  name: 'training',
  portVariable: 'TRAINING_PORT',
  readConfig,
  isConfigError: (e) => e instanceof ConfigError,
  dataSource: trainingDataSource,
  // What this service publishes and reads.
  topics: [
    { name: publicTopics.trainingCourse, partitions: 1 },
    { name: publicTopics.trainingSession, partitions: 3 },
    { name: publicTopics.trainingAttendance, partitions: 12 }, // keyed by member
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
    // Completion lists arrive as bytes; decoding (and refusing invalid UTF-8) is the parser's job.
    rawContentTypes: ['text/csv'],
    docs: {
      title: 'Nhịp training',
      description:
        'Courses, sessions (in person, or online with bridge points), attendance one by one, by list or from a completion list, and which members are trained.',
      schemas: answerSchemas,
    },
  },
});
