/**
 * Content problems: what is wrong, where (file and line) and how to fix it. Loaders and rules
 * collect problems instead of throwing at the first one, so an editor sees every problem in one
 * run, grouped by file and sorted by line.
 */
import { isAbsolute, join } from 'node:path';

export type Severity = 'error' | 'warning';

export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/briefings/en/x.md`. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
  /** One sentence telling the editor what to change. */
  fix: string;
  /** `error` (the default) stops a build of published content; a `warning` never does. */
  severity?: Severity;
  /** The editorial rule that found it (docs/editorial-guide.md lists them), when a rule did. */
  rule?: string;
  /** Set when the file belongs to a draft, e.g. `briefing "extra"`: it cannot stop a build. */
  draft?: string;
}

export const isError = (p: ContentProblem): boolean => (p.severity ?? 'error') === 'error';

/** Errors in published content: the ones that stop `npm run build`. */
export const isBlocking = (p: ContentProblem): boolean => isError(p) && !p.draft;

/** By file, then by line (problems without a line first), keeping the order of equal lines. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map(({ p }) => p);
}

/** One problem on one line (plus its fix), for logs that are not grouped. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n    fix: ${p.fix}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Every problem, grouped by file and sorted by line:
 *
 *     content/briefings/en/x.md (draft briefing "x": left out of the build)
 *       12  error    date "2025-12-19" is not …
 *                    fix: …
 */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const sorted = sortProblems(problems);
  const width = Math.max(2, ...sorted.map((p) => String(p.line ?? '').length));
  const out: string[] = [];
  let file: string | undefined;
  for (const p of sorted) {
    if (p.file !== file) {
      file = p.file;
      if (out.length) out.push('');
      out.push(p.draft ? `${p.file} (draft ${p.draft}: left out of the build)` : p.file);
    }
    const label = p.severity === 'warning' ? 'warning' : 'error  ';
    const rule = p.rule ? ` [${p.rule}]` : '';
    out.push(`  ${String(p.line ?? '').padStart(width)}  ${label}  ${p.message}${rule}`);
    out.push(`  ${' '.repeat(width)}           fix: ${p.fix}`);
  }
  return out.join('\n');
}

/** "2 errors and 1 warning in 2 files", with what drafts hold said apart. */
export function summarizeProblems(problems: readonly ContentProblem[]): string {
  const errors = problems.filter(isError);
  const warnings = problems.length - errors.length;
  const files = new Set(problems.map((p) => p.file)).size;
  const inDrafts = errors.filter((p) => p.draft).length;
  const parts = [plural(errors.length, 'error'), ...(warnings ? [plural(warnings, 'warning')] : [])];
  return `${parts.join(' and ')} in ${plural(files, 'file')}${inDrafts ? ` (${inDrafts} of the errors in drafts, which the build leaves out)` : ''}`;
}

/**
 * Thrown when published content has errors. Carries a Vite-style `loc` (the first problem's
 * file and line) so the dev server's overlay shows that file and "open in editor" opens it,
 * instead of pointing at the loader's source code.
 */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  readonly loc?: { file: string; line: number; column: number };
  readonly id?: string;
  readonly hint: string;
  constructor(problems: ContentProblem[], root?: string) {
    const sorted = sortProblems(problems);
    super(`${summarizeProblems(sorted)}:\n\n${formatProblems(sorted)}`);
    this.name = 'ContentError';
    this.problems = sorted;
    this.hint = 'Fix the file named above, or mark its briefing or source `draft: true` to keep working on it; `npm run check` lists every problem.';
    const first = sorted.find(isBlocking) ?? sorted[0];
    if (first && root) {
      const file = isAbsolute(first.file) ? first.file : join(root, first.file);
      this.loc = { file, line: first.line ?? 1, column: 1 };
      this.id = file;
    }
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
