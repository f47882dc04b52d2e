export { ReportStatisticController } from './report-statistic.http.controller.ts';
export { recordStatistic } from './report-statistic.handler.ts';
