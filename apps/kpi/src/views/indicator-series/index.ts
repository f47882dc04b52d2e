export { IndicatorSeriesController } from './indicator-series.http.controller.ts';
