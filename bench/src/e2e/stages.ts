// Where an upload's freshness goes, from what the pipeline already carries: each message's Kafka
// timestamp (when a relay produced it) and, on an indicator change, its CloudEvent time (when the
// KPI service computed it inside the batch's transaction). The benchmark reads both topics itself
// and notes, per upload: its last activity on the activity topic, then the first change of its
// village reaching the upload's count as computed by the KPI and as put on the indicator topic.
// All instants are wall-clock ms on this machine (every process shares its clock).
import { publicTopics } from '@nhip/contracts';
import type { Messaging, ReceivedMessage, Subscription } from '@nhip/messaging';
import { percentile } from '../stats.ts';

export interface Upload {
  readonly village: string;
  /** The village's count today once this upload is in. */
  readonly expected: number;
  readonly measured: boolean;
  readonly activityIds: readonly string[];
  acceptedAt?: number;
  /** The last of its activities on the activity topic. */
  onTopicAt?: number;
  /** The KPI's computation of the first change showing it (its transaction, before commit). */
  foldedAt?: number;
  /** That change on the indicator topic (KPI committed, relay produced). */
  changeOnTopicAt?: number;
  seenAt?: number;
}

interface Change {
  readonly unitCode: string;
  readonly indicatorId: string;
  readonly value: number | null;
}

/** Follows both topics from their end; stop() before the topics are removed. */
export async function traceStages(
  messaging: Messaging,
  prefix: string,
  indicator: string,
  uploads: readonly Upload[],
): Promise<Subscription> {
  const byActivity = new Map<string, Upload>();
  let indexed = 0;
  const index = () => {
    for (; indexed < uploads.length; indexed++) {
      const u = uploads[indexed] as Upload;
      for (const id of u.activityIds) byActivity.set(id, u);
    }
  };
  const onActivity = (m: ReceivedMessage) => {
    const u = byActivity.get((JSON.parse(m.value.toString()) as { activityId: string }).activityId);
    if (u) u.onTopicAt = Math.max(u.onTopicAt ?? 0, m.timestamp.getTime());
  };
  const onChange = (m: ReceivedMessage) => {
    const c = JSON.parse(m.value.toString()) as Change;
    if (c.indicatorId !== indicator) return;
    for (const u of uploads)
      if (u.foldedAt === undefined && u.village === c.unitCode && (c.value ?? 0) >= u.expected) {
        u.foldedAt = Date.parse(m.headers['ce_time'] ?? '');
        u.changeOnTopicAt = m.timestamp.getTime();
      }
  };
  const activityTopic = `${prefix}${publicTopics.activity}`;
  return messaging.subscriber.subscribe(
    {
      groupId: `${prefix}bench-stages`,
      topics: [activityTopic, `${prefix}${publicTopics.kpiIndicator}`],
      startFrom: 'earliest',
      maxBatchSize: 5000,
    },
    (batch) => {
      index();
      for (const m of batch) (m.topic === activityTopic ? onActivity : onChange)(m);
      return Promise.resolve();
    },
  );
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** p50 and p99 from acceptance to each point, and each hop's own p50, for the uploads measured. */
export function stageMetrics(uploads: readonly Upload[]): Record<string, number> {
  const points = ['onTopicAt', 'foldedAt', 'changeOnTopicAt', 'seenAt'] as const;
  const names = ['activity_on_topic', 'kpi_folded', 'change_on_topic', 'on_stream'];
  const complete = uploads.filter((u) => u.measured && points.every((p) => u[p] !== undefined));
  const metrics: Record<string, number> = { 'stages.samples': complete.length };
  let from: keyof Upload = 'acceptedAt';
  points.forEach((point, i) => {
    const since = (u: Upload, start: keyof Upload) => (u[point] as number) - (u[start] as number);
    const total = complete.map((u) => since(u, 'acceptedAt'));
    const hop = complete.map((u) => since(u, from));
    metrics[`stages.${names[i] ?? point}.p50_ms`] = round(percentile(total, 50));
    metrics[`stages.${names[i] ?? point}.p99_ms`] = round(percentile(total, 99));
    metrics[`stages.${names[i] ?? point}.hop_p50_ms`] = round(percentile(hop, 50));
    from = point;
  });
  return metrics;
}
