export { LogActivityController } from './log-activity.http.controller.ts';
export { logActivity, type Logged, type ReportContext } from './log-activity.handler.ts';
