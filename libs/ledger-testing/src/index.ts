export { readTopic } from './topics.ts';
export { reconcile, type Reconciliation } from './reconcile.ts';
