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

/**
 * A line whose verdict is computed when read, not kept. A class, not an object literal with a
 * getter: V8 gives each such literal its own dictionary of properties (~290 bytes a line measured).
 */
export class LazyLine<T> implements BulkLine {
  readonly line: number;
  readonly #source: T;
  readonly #judge: (source: T) => ShapeCheck;

  constructor(line: number, source: T, judge: (source: T) => ShapeCheck) {
    this.line = line;
    this.#source = source;
    this.#judge = judge;
  }

  get check(): ShapeCheck {
    return this.#judge(this.#source);
  }
}
