export { ReportStatisticController } from './report-statistic.http.controller.ts';
