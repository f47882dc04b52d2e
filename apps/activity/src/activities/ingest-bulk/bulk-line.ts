import type { ShapeCheck } from '../activity-report.request.ts';

/**
 * One line of a bulk file, judged for shape; its number is the line a person sees in an editor.
 * `check` judges the line each time it is read, from the file's text: an upload of 100,000 reports
 * then never holds them all decoded at once, only the chunk being written (docs/adr/0036).
 */
export interface BulkLine {
  readonly line: number;
  readonly check: ShapeCheck;
}

/** A line whose verdict is computed when read, not kept. */
export function lazyLine(line: number, judge: () => ShapeCheck): BulkLine {
  return {
    line,
    get check() {
      return judge();
    },
  };
}
