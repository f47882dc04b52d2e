export { PartnerStatisticsController } from './partner-statistics.kafka.controller.ts';
export { isPartnerStatisticType } from './partner-statistics.routes.ts';
