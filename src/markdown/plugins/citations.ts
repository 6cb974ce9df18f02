/**
 * Plugin: paragraph citations.
 *
 * Accepts: `[@5]`, `[@5-7]`, `[@5,9]` (paragraphs of the briefing's primary source) and
 * `[@source-id:3]`, mixed freely inside one pair of brackets, separated by commas (`,` or `،`).
 * Emits: the site's one citation markup (`citationsHtml` in src/lib/citations.ts):
 * `<span class="cites"><a href="…/sources/{id}/#p{n}">Axios ¶5</a> …</span>`, each link landing
 * on the highlighted paragraph of the source page. The space before the brackets becomes a
 * no-break space, so the citation stays on the line of the word it belongs to (and, being plain
 * inline text, keeps the punctuation after it on its line too). A reference to a missing
 * source or paragraph is reported as a problem and rendered as plain text. Every citation is
 * recorded in `env.cited` with the id of the heading it stands under, so a source paragraph can
 * link back to where it is cited.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { envOf } from '../env.ts';
import { citationsHtml, splitCitationList, type CitationLink } from '../../lib/citations.ts';
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
    const links: CitationLink[] = [];
    for (const ref of splitCitationList(inner)) {
      const target = env.resolveCitation(ref);
      if (typeof target !== 'string') links.push(target);
      else pushProblemText(state, ref, { message: `citation [@${inner}]: ${target}`, fix: env.citationFix?.(ref) ?? 'cite a source listed in "sources:" and a paragraph it has (npm run paragraphs -- <source-id> lists them)' });
    }
    if (links.length) {
      // Text not yet flushed into a token: bind the citation to the word before it.
      state.pending = state.pending.replace(/[ \t]+$/, '\u00a0');
      state.push('citations', '', 0).meta = { citations: links };
    }
  }
  state.pos = end + 1;
  return true;
}

export default function citations(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'citation', citationRule);
  md.core.ruler.push('citations_cited', (state) => {
    const env = envOf(state);
    let anchor = '';
    for (const token of state.tokens) {
      if (token.type === 'heading_open') anchor = String(token.attrGet('id') ?? anchor);
      for (const child of token.children ?? []) {
        if (child.type === 'citations') for (const citation of (child.meta as { citations: CitationLink[] }).citations) env.cited.push({ anchor, citation });
      }
    }
  });
  md.renderer.rules.citations = (tokens, idx) => citationsHtml((tokens[idx]!.meta as { citations: CitationLink[] }).citations);
}
