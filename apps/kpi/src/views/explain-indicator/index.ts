export { ExplainIndicatorController } from './explain-indicator.http.controller.ts';
