// What a person reads for each line of an upload.
import type { FieldProblem } from '../activity-report.request.ts';

export type Verdict =
  | { readonly line: number; readonly activityId: string; readonly verdict: 'accepted' }
  | { readonly line: number; readonly activityId: string; readonly verdict: 'duplicate'; readonly of: string }
  | {
      readonly line: number;
      readonly activityId?: string;
      readonly verdict: 'rejected';
      readonly errors: readonly FieldProblem[];
    };

/** The same id already stands for another report: in this file, or stored before. */
export const reused = (line: number, activityId: string, where: string): Verdict => ({
  line,
  activityId,
  verdict: 'rejected',
  errors: [
    {
      field: 'activityId',
      reason: `already used for a different report (${where}): give this report its own id`,
    },
  ],
});
