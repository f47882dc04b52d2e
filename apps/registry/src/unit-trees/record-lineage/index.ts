export { RecordLineageController } from './record-lineage.http.controller.ts';
