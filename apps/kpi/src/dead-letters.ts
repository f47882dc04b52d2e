// Shipped in the KPI service's image as `node apps/kpi/dist/dead-letters.js` (docs/adr/0071):
// what its consumer group set aside on the broker it uses, and `redrive [--apply]` to send those
// letters back once a release takes them.
import { runServiceDeadLetters } from '@nhip/event-sourcing';
import { consumerGroup } from './config.ts';

await runServiceDeadLetters('kpi', consumerGroup);
