export { PlanSessionController } from './plan-session.http.controller.ts';
