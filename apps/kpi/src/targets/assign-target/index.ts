export { AssignTargetController } from './assign-target.http.controller.ts';
