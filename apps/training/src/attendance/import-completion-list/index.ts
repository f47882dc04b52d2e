export { ImportCompletionListController } from './import-completion-list.http.controller.ts';
