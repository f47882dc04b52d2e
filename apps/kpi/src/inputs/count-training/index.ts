export { CountTrainingController } from './count-training.kafka.controller.ts';
export { isTrainingType } from './count-training.routes.ts';
export { countTraining } from './count-training.routes.ts';
