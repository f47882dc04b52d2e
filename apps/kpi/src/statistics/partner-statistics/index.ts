export { PartnerStatisticsController } from './partner-statistics.kafka.controller.ts';
export { isPartnerStatisticType } from './partner-statistics.routes.ts';
export { answerRefusedStatistics } from './statistics-refused.ts';
