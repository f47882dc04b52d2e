export { ChangeActivityController } from './change-activity.http.controller.ts';
