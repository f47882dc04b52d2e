export { CatalogController } from './catalog.http.controller.ts';
