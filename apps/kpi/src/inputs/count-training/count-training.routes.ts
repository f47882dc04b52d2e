// Training as a stock: a member counts as trained once, from the training service's
// member-trained event (published once per member); the core ignores a repeat anyway, so a
// redelivered or re-sent event cannot count a member twice. Attendance itself counts nothing here.
import { AttendanceRecordedV1, MemberTrainedV1 } from '@nhip/contracts';
import { on, routeEvents, type IncomingEvent, type Tx } from '@nhip/event-sourcing';
import type { StockInput } from '../../metrics/registry-stocks.ts';
import { applyStocks } from '../follow-registry/index.ts';

const routerFor = (push: (input: StockInput) => void) =>
  routeEvents(
    [
      on(MemberTrainedV1, (d, _tx, e) =>
        Promise.resolve(
          push({
            type: 'member-trained',
            memberId: d.memberId,
            eventId: e.id,
            recordedAt: e.time ?? new Date().toISOString(),
          }),
        ),
      ),
    ],
    [AttendanceRecordedV1],
  );

export const isTrainingType = routerFor(() => undefined).isKnownType;

export async function countTraining(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const inputs: StockInput[] = [];
  await routerFor((input) => inputs.push(input)).handle(events, tx);
  await applyStocks(tx, inputs, events[0]?.id ?? 'empty');
}
