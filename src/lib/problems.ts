/**
 * Content problems: what is wrong, where (file and line) and how to fix it. Loaders collect
 * problems instead of throwing at the first one, so an editor sees every problem in one run.
 */

export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/briefings/en/x.md`. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
  /** One sentence telling the editor what to change. */
  fix: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n    fix: ${p.fix}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Edit distance, for "did you mean" hints on mistyped ids. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/** The closest known id, if it is close enough to be a likely typo. */
export function didYouMean(value: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(value, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

export function hint(value: string, known: Iterable<string>): string {
  const guess = didYouMean(value, known);
  return guess ? ` (did you mean "${guess}"?)` : '';
}
