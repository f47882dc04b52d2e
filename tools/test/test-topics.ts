// The topics a test run created, deleted when it ends. Every spec's services publish under a
// namespace of their own (uniqueTopicPrefix) and lib specs use topics of their own (uniqueTopic), so
// nothing is shared; but nothing was deleted either. A developer's broker held 2,008 topics after a
// few weeks of test runs, and after a restart spent 5.5 s electing their leaders before it could
// serve (ADR 0049). Only what this run recorded is deleted: another run on the same broker (a second
// worktree, a benchmark) keeps its topics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TopicAdmin } from '@nhip/messaging';

/** Where this run's list is: named once per run, kept when a second tier's setup asks again. */
export function testTopicsList(env: NodeJS.ProcessEnv = process.env): string {
  env['NHIP_TEST_TOPICS'] ??= path.join(os.tmpdir(), `nhip-test-topics-${process.pid}-${Date.now()}.txt`);
  return env['NHIP_TEST_TOPICS'];
}

/** The existing topics a recorded name or namespace covers (a name covers its own `.dlq` and the like). */
export function recordedAmong(recorded: readonly string[], existing: readonly string[]): string[] {
  const entries = recorded.filter((entry) => entry.length > 0);
  return existing.filter((topic) => entries.some((entry) => topic.startsWith(entry)));
}

/** Deletes the topics this run recorded and removes the list; the number deleted. */
export async function removeRecordedTopics(listFile: string, admin: TopicAdmin): Promise<number> {
  if (!fs.existsSync(listFile)) return 0;
  const recorded = fs.readFileSync(listFile, 'utf8').split('\n');
  const doomed = recordedAmong(recorded, await admin.listTopics());
  if (doomed.length > 0) await admin.deleteTopics(doomed);
  fs.rmSync(listFile, { force: true });
  return doomed.length;
}
