export { MoveTeamController } from './move-team.http.controller.ts';
