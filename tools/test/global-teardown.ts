// Jest global teardown for the integration and end-to-end tiers: the topics this run's specs made
// are deleted (test-topics.ts). A broker that cannot be reached then is said, not failed on: the
// tests have already passed or failed on their own.
import { createMessaging, errorSummary } from '@nhip/messaging';
import { removeRecordedTopics, testTopicsList } from './test-topics.ts';

export default async function globalTeardown(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) return;
  const messaging = createMessaging({ brokers, clientId: 'nhip-test-teardown' });
  try {
    const removed = await removeRecordedTopics(testTopicsList(), messaging.admin);
    if (removed > 0) process.stderr.write(`Deleted the ${removed} topics this run created.\n`);
  } catch (error) {
    process.stderr.write(`Could not delete this run's topics: ${errorSummary(error)}\n`);
  } finally {
    await messaging.close();
  }
}
