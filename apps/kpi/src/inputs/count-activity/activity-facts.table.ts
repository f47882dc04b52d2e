// What was counted for each activity (ADR 0026 §2): loaded for a batch's activities, saved after.
import type { ActivityKind } from '@nhip/contracts';
import type { Tx } from '@nhip/event-sourcing';
import type { ActivityFact } from '../../metrics/activity-metrics.ts';

export async function loadActivityFacts(tx: Tx, ids: readonly string[]): Promise<Map<string, ActivityFact>> {
  const { rows } = await tx.query<{
    activity_id: string;
    kind: ActivityKind;
    residents_helped: number;
    place_path: string[];
    day: string;
    voided: boolean;
  }>(
    `SELECT activity_id, kind, residents_helped, place_path, to_char(day, 'YYYY-MM-DD') AS day, voided
       FROM kpi_activity_facts WHERE activity_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.activity_id,
      {
        activityId: r.activity_id,
        kind: r.kind,
        residentsHelped: r.residents_helped,
        placePath: r.place_path,
        day: r.day,
        voided: r.voided,
      },
    ]),
  );
}

export async function saveActivityFacts(tx: Tx, facts: readonly ActivityFact[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `INSERT INTO kpi_activity_facts (activity_id, kind, residents_helped, place_path, day, voided)
     SELECT f."activityId", f.kind, f."residentsHelped", ARRAY(SELECT jsonb_array_elements_text(f."placePath")), f.day::date, f.voided
       FROM jsonb_to_recordset($1::jsonb)
            AS f("activityId" uuid, kind text, "residentsHelped" int, "placePath" jsonb, day text, voided boolean)
     ON CONFLICT (activity_id) DO UPDATE SET kind = EXCLUDED.kind,
       residents_helped = EXCLUDED.residents_helped, voided = EXCLUDED.voided`,
    [JSON.stringify(facts)],
  );
}

export async function saveOrphans(
  tx: Tx,
  orphans: readonly { eventId: string; activityId: string; type: string }[],
): Promise<void> {
  if (orphans.length === 0) return;
  await tx.query(
    `INSERT INTO kpi_orphan_changes (event_id, activity_id, type)
     SELECT o."eventId", o."activityId", o.type
       FROM jsonb_to_recordset($1::jsonb) AS o("eventId" text, "activityId" uuid, type text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(orphans)],
  );
}
