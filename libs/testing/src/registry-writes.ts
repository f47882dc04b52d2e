// What specs register through the registry's HTTP API over and over (the KPI's, the carry-over's
// and its fault spec, the projection's and the dashboard's platforms, the trace spec): a village
// under a commune, a team on a unit, or both. A refusal throws with its
// status and body, so the spec that needed the row fails saying why.
import type { RunningService } from './http-service.ts';

type Registry = Pick<RunningService, 'post'>;

/** A village (Thôn) registered by hand under a commune of the tree in force; its code. */
export async function registerVillage(registry: Registry, commune: string, name: string): Promise<string> {
  const reply = await registry.post<{ code: string }>(`/units/${commune}/villages`, { name, type: 'Thôn' });
  if (reply.status !== 201)
    throw new Error(`village under ${commune}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.code;
}

/** A community digital technology team on a unit (a village or a commune); its id. */
export async function registerTeam(registry: Registry, unitCode: string, label = unitCode): Promise<string> {
  const reply = await registry.post<{ teamId: string }>('/teams', {
    name: `Tổ công nghệ số cộng đồng ${label}`,
    teamType: 'community_digital_technology',
    unitCode,
    decision: { number: '12/QĐ-UBND', date: '2024-03-01' },
  });
  if (reply.status !== 201)
    throw new Error(`team at ${unitCode}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.teamId;
}

/** A village registered under a commune and a team placed in it, named after the village. */
export async function villageWithTeam(
  registry: Registry,
  commune: string,
  name: string,
): Promise<{ village: string; teamId: string }> {
  const village = await registerVillage(registry, commune, name);
  return { village, teamId: await registerTeam(registry, village, name) };
}
