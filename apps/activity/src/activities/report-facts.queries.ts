// Gathers, for a batch of reports, the facts the pure judgement needs: from the registry replica
// and the campaigns read model, in a few set-based queries.
import type pg from 'pg';
import { loadCampaigns } from '../campaigns/campaign-catalog/index.ts';
import { loadReplicaFacts } from '../registry-replica/replica-facts/index.ts';
import type { ActivityReport } from './activity.ts';
import type { ReportFacts } from './check-report.decide.ts';

export async function factsForReports(
  db: Pick<pg.Pool, 'query'>,
  reports: readonly ActivityReport[],
): Promise<(report: ActivityReport) => ReportFacts> {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const [replica, campaigns] = await Promise.all([
    loadReplicaFacts(db, {
      teamIds: unique(reports.map((r) => r.teamId)),
      memberIds: unique(reports.map((r) => r.memberId)),
      placeCodes: unique(reports.map((r) => r.placeCode)),
    }),
    loadCampaigns(db, unique(reports.map((r) => r.campaignId))),
  ]);
  return (report) => {
    const team = replica.teams.get(report.teamId);
    return {
      team,
      memberInTeam:
        report.memberId !== null && replica.memberships.has(`${report.teamId}/${report.memberId}`),
      place: team && replica.places.get(`${team.treeVersion}/${report.placeCode}`),
      campaign: report.campaignId === null ? undefined : campaigns.get(report.campaignId),
    };
  };
}
