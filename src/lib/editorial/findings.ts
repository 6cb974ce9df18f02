/**
 * What a text rule reports: where in the text it scanned (1-based line and column, relative to
 * that text) and what to change. The content check turns findings into file-and-line problems.
 */
export interface Finding {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** 1-based line and column of a string offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
