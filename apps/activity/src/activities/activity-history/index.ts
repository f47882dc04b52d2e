export { ActivityHistoryController } from './activity-history.http.controller.ts';
