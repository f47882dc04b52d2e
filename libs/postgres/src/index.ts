export { ensureDatabase, redactUrl } from './ensure-database.ts';
