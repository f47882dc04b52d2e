export { ChangeTeamController } from './change-team.http.controller.ts';
