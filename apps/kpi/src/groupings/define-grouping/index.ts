export { DefineGroupingController } from './define-grouping.http.controller.ts';
