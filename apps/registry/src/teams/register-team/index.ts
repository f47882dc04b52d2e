export { RegisterTeamController } from './register-team.http.controller.ts';
