export { ensureDatabase, redactUrl } from './ensure-database.ts';
export { migrate } from './migrate.ts';
