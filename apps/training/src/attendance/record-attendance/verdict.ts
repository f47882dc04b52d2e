// What a person reads for each line of a list or a completion list.
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

export type Verdict =
  | {
      readonly line: number;
      readonly memberId: string;
      readonly verdict: 'accepted';
      readonly newlyTrained: boolean;
    }
  | { readonly line: number; readonly memberId: string; readonly verdict: 'duplicate'; readonly of: string }
  | {
      readonly line: number;
      readonly memberId?: string;
      readonly verdict: 'rejected';
      readonly errors: readonly FieldProblem[];
    };

/** One line of a list, its member known (or why not): what the write path is given. */
export type AttendanceLine =
  | {
      readonly line: number;
      readonly ok: true;
      readonly memberId: string;
      readonly bridgePoint: string | null;
      readonly completedOn: string | null;
    }
  | { readonly line: number; readonly ok: false; readonly errors: readonly FieldProblem[] };

export type Attendee = Extract<AttendanceLine, { ok: true }>;

export interface AttendanceResult {
  readonly summary: {
    readonly lines: number;
    readonly accepted: number;
    readonly duplicate: number;
    readonly rejected: number;
    /** Accepted lines that were the member's first training. */
    readonly newlyTrained: number;
  };
  readonly verdicts: readonly Verdict[];
}
