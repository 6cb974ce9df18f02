/**
 * Plugin: paragraph citations.
 *
 * Accepts: `[@5]`, `[@5-7]`, `[@5,9]` (paragraphs of the briefing's primary source) and
 * `[@source-id:3]`, mixed freely inside one pair of brackets, separated by commas (`,` or `،`).
 * Emits: `<sup class="cite">` holding one `<a class="cite__link" href="…/sources/{id}/#p{n}">`
 * per reference; the link lands on the highlighted paragraph of the source page. A reference to
 * a missing source or paragraph is reported as a problem and rendered as plain text.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { envOf } from '../env.ts';
import { splitCitationList } from '../../lib/citations.ts';
import { pushProblemText } from './report-problems.ts';

function citationRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || src.charCodeAt(pos + 1) !== 0x40 /* @ */) return false;
  const end = src.indexOf(']', pos + 2);
  if (end < 0) return false;
  const inner = src.slice(pos + 2, end);
  if (!/^[\w\s,،:-]+$/u.test(inner)) return false;
  if (!silent) {
    const env = envOf(state);
    const open = state.push('cite_open', 'sup', 1);
    open.attrs = [['class', 'cite']];
    splitCitationList(inner).forEach((ref, index) => {
      if (index > 0) state.push('text', '', 0).content = ' ';
      const target = env.resolveCitation(ref);
      if (typeof target === 'string') {
        pushProblemText(state, ref, { message: `citation [@${inner}]: ${target}`, fix: env.citationFix?.(ref) ?? 'cite a source listed in "sources:" and a paragraph it has (npm run paragraphs -- <source-id> lists them)' });
        return;
      }
      const link = state.push('link_open', 'a', 1);
      link.attrs = [
        ['href', target.href],
        ['class', 'cite__link'],
        ['title', target.title],
        ['aria-label', target.title],
      ];
      state.push('text', '', 0).content = target.label;
      state.push('link_close', 'a', -1);
    });
    state.push('cite_close', 'sup', -1);
  }
  state.pos = end + 1;
  return true;
}

export default function citations(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'citation', citationRule);
}
