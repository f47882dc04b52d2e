// What each service's GET /health answers: alive, and how far behind what it reads from Kafka is.
import { closed, type OpenApiSchema } from './openapi-schema.ts';

const lag = (description: string): OpenApiSchema => ({
  type: 'string',
  pattern: '^([0-9]+|unknown)$',
  description: `${description} A count of messages, or "unknown" while the broker cannot be asked.`,
});
const replicaLag = lag('How far its copy of the registry is behind: reports of brand-new teams wait on it.');
const inputLag = lag('How far its inputs are behind: it is as fresh as this is short.');

const health = (service: string, more: Record<string, OpenApiSchema> = {}) =>
  closed({ status: { type: 'string', enum: ['ok'] }, service: { type: 'string', enum: [service] }, ...more });

export const registryHealth = health('registry');
export const activityHealth = health('activity', { replicaLag });
export const trainingHealth = health('training', { replicaLag });
export const kpiHealth = health('kpi', { inputLag });
export const projectionHealth = health('projection', {
  inputLag,
  streams: { type: 'integer', minimum: 0, description: 'Live streams open now.' },
});
