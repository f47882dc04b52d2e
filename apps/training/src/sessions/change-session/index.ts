export { ChangeSessionController } from './change-session.http.controller.ts';
