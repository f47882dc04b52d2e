// A commune formed by a reform takes over the villages and teams of the communes it replaced.
export { CarryOverController } from './carry-over.http.controller.ts';
