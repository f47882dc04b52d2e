import type { ShapeCheck } from '../activity-report.request.ts';

/** One line of a bulk file, judged for shape; its number is the line a person sees in an editor. */
export interface BulkLine {
  readonly line: number;
  readonly check: ShapeCheck;
}
