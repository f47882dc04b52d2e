// The team roster read model (rm_teams, rm_team_members): teams in a subtree, one team in detail.
export { TeamRosterController } from './team-roster.http.controller.ts';
export { projectTeam, teamRosterTables } from './team-roster.projection.ts';
export { type TeamDetail } from './team-roster.queries.ts';
export { requireTeam } from './require-team.ts';
export { requireTeamIdInScope, requireTeamInScope } from './team-in-scope.ts';
export { communeOfUnit, movesTo, successorsIn, teamCommune } from './moves-to.queries.ts';
