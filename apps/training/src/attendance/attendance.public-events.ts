// A member's attendance → attendance.recorded, and the first one also → member-trained (keyed by
// member, so a member's training facts reach consumers in order). Facts, not ratios: whether a
// member who left the team still counts is for the KPI service to say.
import { AttendanceRecordedV1, MemberTrainedV1 } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, type PublicMessage, type ToOutbox } from '@nhip/event-sourcing';
import type { AttendanceCommand, AttendanceEvent } from './attendance.ts';

export const attendanceOutbox: ToOutbox<AttendanceCommand, AttendanceEvent> = (events, envelope) =>
  toOutboxMessages(events.flatMap(toPublic), envelope.commandId, envelope.metadata.occurredAt);

function toPublic({ data }: AttendanceEvent): PublicMessage[] {
  const { firstTraining, ...recorded } = data;
  const { memberId, sessionId, courseId, teamId, treeVersion, unitPath, attendedAt } = data;
  const reach = { memberId, sessionId, courseId, teamId, treeVersion, unitPath };
  return [
    publicMessage(AttendanceRecordedV1, recorded, attendedAt),
    ...(firstTraining
      ? [publicMessage(MemberTrainedV1, { ...reach, trainedAt: attendedAt }, attendedAt)]
      : []),
  ];
}
