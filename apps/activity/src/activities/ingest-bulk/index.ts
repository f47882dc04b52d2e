export { IngestBulkController } from './ingest-bulk.http.controller.ts';
export { ingestBulk, type BulkResult } from './ingest-bulk.handler.ts';
export type { Verdict } from './verdict.ts';
