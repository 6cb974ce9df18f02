/**
 * Plugin: context notes.
 *
 * Accepts a fenced block for context that comes from outside the source:
 *
 *     ::: context
 *     Resolution 2803 was adopted on 17 November 2025. Source: [UN press release](https://…)
 *     :::
 *
 * The block must contain at least one link saying where the context comes from; otherwise a
 * problem is reported. Emits `<aside class="context-note" role="note">` with a localized label
 * (`env.contextLabel`) followed by the rendered Markdown inside.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { envOf, lineOf } from '../env.ts';

const OPEN = /^:::\s*context\s*$/;
const CLOSE = /^:::\s*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trim();
}

function contextRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (!OPEN.test(lineText(state, startLine))) return false;
  if (silent) return true;
  let next = startLine + 1;
  while (next < endLine && !CLOSE.test(lineText(state, next))) next++;
  const closed = next < endLine;
  const open = state.push('context_open', 'aside', 1);
  open.attrs = [['class', 'context-note'], ['role', 'note']];
  open.map = [startLine, next];
  open.block = true;
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'blockquote';
  state.lineMax = next;
  state.md.block.tokenize(state, startLine + 1, next);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.push('context_close', 'aside', -1).block = true;
  state.line = closed ? next + 1 : next;
  if (!closed) {
    const env = envOf(state);
    env.problems.push({ file: env.file, line: lineOf(env, [startLine, startLine]) ?? env.firstLine, message: '"::: context" block is never closed', fix: 'end the block with a line holding only ":::"' });
  }
  return true;
}

export default function contextNote(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'context_note', contextRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.context_open = (tokens, idx, options, env, self) =>
    `${self.renderToken(tokens, idx, options)}<p class="context-note__label">${md.utils.escapeHtml(envOf({ env }).contextLabel)}</p>\n`;
  md.core.ruler.push('context_needs_source', (state) => {
    const env = envOf(state);
    let open: { map: [number, number] | null; hasLink: boolean } | undefined;
    for (const token of state.tokens) {
      if (token.type === 'context_open') open = { map: token.map, hasLink: false };
      else if (token.type === 'context_close' && open) {
        if (!open.hasLink) env.problems.push({ file: env.file, line: lineOf(env, open.map) ?? env.firstLine, message: 'a context note does not say where its information comes from', fix: 'add a link to the source of the context inside the "::: context" block' });
        open = undefined;
      } else if (open && token.children?.some((c) => c.type === 'link_open')) open.hasLink = true;
    }
  });
}
