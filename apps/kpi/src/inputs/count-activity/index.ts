export { CountActivityController } from './count-activity.kafka.controller.ts';
export { isActivityType } from './count-activity.routes.ts';
export { countActivities } from './count-activity.routes.ts';
