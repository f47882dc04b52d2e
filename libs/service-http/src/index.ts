export { ProblemError, problemType, unsupportedMediaType, type Problem } from './problem.ts';
export { ProblemDetailsFilter, toProblem } from './problem-details.filter.ts';
export {
  fieldWithin,
  flattenValidationErrors,
  invalidRequest,
  notFound,
  chosenIdRule,
  IsChosenId,
  IsInstant,
  isNilOrMaxUuid,
  requireUuid,
  validationPipe,
} from './validation.ts';
export { commandIdOf, requestContext, type RequestContext } from './request-context.ts';
export { answerRefusalsWithoutReset } from './body-limit.ts';
export { StreamedBody, type StreamedUploads } from './streamed-body.ts';
export { sweepOrphanedTempFiles, tempPrefix } from './temp-files.ts';
export { nameCaller } from './http-logging.ts';
export { mountApiDocs } from './api-docs.ts';
export { createHttpApp, exitOnStartFailure, serve, type ServeOptions } from './serve.ts';
export {
  createLogger,
  logLevelFromEnv,
  LogLevelError,
  readTraceIdFrom,
  type LoggerOptions,
  type ServiceLogger,
} from './logger.ts';
export { adminDatabaseUrlFrom, ConfigError, positiveInteger } from './config.ts';
export { mountProbes, outageLog, reportedBy, type ReadinessCheck } from './probes.ts';
export { openServiceDatabase } from './service-database.ts';
export {
  startService,
  type ServiceConfigBase,
  type ServiceConsumer,
  type ServiceContext,
  type ServiceDefinition,
  type ServicePart,
} from './start-service.ts';
export { mountMetrics } from './metrics.ts';
