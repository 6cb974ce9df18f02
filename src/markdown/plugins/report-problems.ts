/**
 * Plugin: report problems found by inline rules, with file and line.
 *
 * Accepts: no syntax of its own. Inline rules cannot see which line they are on, so they push
 * the offending text as a `problem_text` token carrying `{ problem: { message, fix } }`; this
 * core rule, run after inline parsing, moves those into `env.problems` with the line of the
 * enclosing block. (A plain text token would not do: markdown-it merges adjacent text tokens
 * and drops their meta.)
 * Emits: the offending text, escaped, as plain text.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { envOf, lineOf } from '../env.ts';

export interface InlineProblem {
  message: string;
  fix: string;
}

/** Pushes text that could not be rendered as intended, with the problem to report. */
export function pushProblemText(state: StateInline, content: string, problem: InlineProblem): void {
  const token = state.push('problem_text', '', 0);
  token.content = content;
  token.meta = { problem };
}

export default function reportProblems(md: MarkdownIt): void {
  md.renderer.rules.problem_text = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
  md.core.ruler.after('inline', 'report_inline_problems', (state) => {
    const env = envOf(state);
    for (const block of state.tokens) {
      for (const child of block.children ?? []) {
        const problem = (child.meta as { problem?: InlineProblem } | null)?.problem;
        if (!problem) continue;
        env.problems.push({ file: env.file, line: lineOf(env, block.map) ?? env.firstLine, ...problem });
      }
    }
  });
}
