/**
 * Plugin: report problems found by inline rules, with file and line.
 *
 * Accepts: no syntax of its own. Inline rules cannot see which line they are on, so they attach
 * `{ problem: { message, fix } }` to a token's `meta`; this core rule, run after inline parsing,
 * moves those into `env.problems` with the line of the enclosing block.
 * Emits: nothing.
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { lineOf, type RenderEnv } from '../env.ts';

export interface InlineProblem {
  message: string;
  fix: string;
}

/** Marks a token as carrying a problem to report. */
export function flagProblem(token: Token, problem: InlineProblem): void {
  token.meta = { ...(token.meta as object | null), problem };
}

export default function reportProblems(md: MarkdownIt): void {
  md.core.ruler.push('report_inline_problems', (state) => {
    const env = state.env as RenderEnv;
    for (const block of state.tokens) {
      for (const child of block.children ?? []) {
        const problem = (child.meta as { problem?: InlineProblem } | null)?.problem;
        if (!problem) continue;
        env.problems.push({ file: env.file, line: lineOf(env, block.map) ?? env.firstLine, ...problem });
      }
    }
  });
}
