// What sessions and attendance are checked against: the tree in force, unit paths, members' teams.
export { teamsOfMembers, treeVersionInForce, unitPaths, type MemberTeam } from '@nhip/registry-replica';
