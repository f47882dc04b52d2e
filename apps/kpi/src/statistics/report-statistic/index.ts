export { ReportStatisticController } from './report-statistic.http.controller.ts';
export { recordStatistic, storeStatistic } from './report-statistic.handler.ts';
