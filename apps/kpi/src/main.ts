import 'reflect-metadata';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import { answerSchemas, partnerTopics, publicTopics } from '@nhip/contracts';
import { startService } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, consumerGroup, readConfig } from './config.ts';
import { InputLag } from './health/input-lag.ts';
import { isActivityType } from './inputs/count-activity/index.ts';
import { isTrainingType } from './inputs/count-training/index.ts';
import { isRegistryType } from './inputs/follow-registry/index.ts';
import { kpiDataSource } from './schema/kpi-data-source.ts';
import { answerRefusedStatistics, isPartnerStatisticType } from './statistics/partner-statistics/index.ts';

const inputTypes = [isActivityType, isRegistryType, isTrainingType, isPartnerStatisticType];

startService({
  name: 'kpi',
  portVariable: 'KPI_PORT',
  readConfig,
  isConfigError: (e) => e instanceof ConfigError,
  dataSource: kpiDataSource,
  // What this service publishes and reads; the readers' topics are created here too, so it can start first.
  topics: [
    { name: publicTopics.kpiIndicator, partitions: 6 }, // keyed by unit
    { name: publicTopics.kpiStatisticRefusal, partitions: 3 }, // keyed by the partner's source
    { name: publicTopics.activity, partitions: 12 },
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
    { name: publicTopics.trainingAttendance, partitions: 12 }, // keyed by member
    { name: partnerTopics.statistics, partitions: 3 },
  ],
  // Runs the inputs' @EventPattern handlers in one consumer group.
  consumer: {
    name: consumerGroup,
    isKnownType: (type) => inputTypes.some((known) => known(type)),
    failure: 'kpi input failed',
    onDeadLetter: answerRefusedStatistics,
  },
  module: ({ pool, config, consumerLag }) => AppModule.with(pool, config, new InputLag(consumerLag)),
  http: {
    onArrival: refuseAnonymousOnArrival,
    rawContentTypes: [],
    docs: {
      title: 'Nhịp KPI',
      description:
        'Indicators of community digital transformation for every unit and period, rolled up the unit tree, explainable down to their source events, and as known at any time.',
      schemas: answerSchemas,
    },
  },
});
