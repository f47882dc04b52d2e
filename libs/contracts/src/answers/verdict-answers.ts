// What a list or an uploaded file answers: a summary and a verdict for every line, in line order.
// Activity reports (the bulk upload) are named by their activity id, attendance by the member.
import { closed, list, ref, type OpenApiSchema } from './openapi-schema.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const line = {
  type: 'integer',
  minimum: 1,
  description: 'The line of the file, or the position in the list.',
};
const count = { type: 'integer', minimum: 0 } as const;

export const fieldProblem = closed({
  field: { type: 'string', example: 'residentsHelped' },
  reason: { type: 'string', example: 'must be a whole number of 1 or more' },
});

/** The three verdicts a line can get, in that order; `subject` names what the line is about. */
type Verdicts = [accepted: OpenApiSchema, duplicate: OpenApiSchema, rejected: OpenApiSchema];

function verdicts(subject: string, accepted: Record<string, OpenApiSchema> = {}): Verdicts {
  return [
    closed({ line, [subject]: uuid, verdict: { type: 'string', enum: ['accepted'] }, ...accepted }),
    closed({
      line,
      [subject]: uuid,
      verdict: { type: 'string', enum: ['duplicate'] },
      of: { type: 'string', description: 'What it repeats: an earlier line, or what was stored before.' },
    }),
    closed(
      {
        line,
        [subject]: { ...uuid, description: 'When the line named one.' },
        verdict: { type: 'string', enum: ['rejected'] },
        errors: list(ref('FieldProblem')),
      },
      ['line', 'verdict', 'errors'],
    ),
  ];
}

const attendance = verdicts('memberId', {
  newlyTrained: { type: 'boolean', description: 'The member’s first training.' },
});

export const bulkVerdicts = closed({
  summary: closed({ lines: count, accepted: count, duplicate: count, rejected: count }),
  verdicts: list({ oneOf: verdicts('activityId') }),
});

export const attendanceVerdict: OpenApiSchema = { oneOf: attendance };
/** One member recorded now (201), or recorded before (200): the two a single attendance answers. */
export const [attendanceAccepted, attendanceDuplicate] = attendance;

export const attendanceVerdicts = closed({
  summary: closed({
    lines: count,
    accepted: count,
    duplicate: count,
    rejected: count,
    newlyTrained: { ...count, description: 'Accepted lines that were the member’s first training.' },
  }),
  verdicts: list(ref('AttendanceVerdict')),
});
