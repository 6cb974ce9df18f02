/**
 * Plugin: bidi isolation of Latin runs and numbers inside Arabic text.
 *
 * Accepts: ordinary text. Active only when the page language is right-to-left (`env.lang`
 * is "ar"), where Latin names ("CENTCOM", "Times of Israel") and numbers with separators
 * ("2025-12-19", "5,000", "53%") can otherwise reorder with neighbouring punctuation.
 * Emits: `<bdi lang="en" dir="ltr">CENTCOM</bdi>` for Latin runs and `<bdi dir="ltr">5,000</bdi>`
 * for numbers with separators. Plain digit runs need no isolation and are left alone.
 * On left-to-right pages it does the mirror image: Arabic runs (a quoted Arabic term in an
 * English briefing) become `<bdi lang="ar" dir="rtl">…</bdi>`.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import { LOCALES } from '../../i18n/locales.ts';
import { envOf } from '../env.ts';
import { splitArabicRuns, splitBidiRuns, type BidiRun } from '../../lib/bidi.ts';

export default function bidiIsolate(md: MarkdownIt): void {
  md.core.ruler.push('bidi_isolate', (state) => {
    const env = envOf(state);
    const rtl = LOCALES[env.lang].dir === 'rtl';
    const runsOf = (text: string): BidiRun[] =>
      rtl ? splitBidiRuns(text) : splitArabicRuns(text).map((r) => ({ kind: r.arabic ? 'arabic' : 'rtl', text: r.text }) as BidiRun);
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      for (const child of block.children) {
        if (child.type !== 'text') {
          out.push(child);
          continue;
        }
        for (const run of runsOf(child.content)) {
          if (run.kind === 'rtl') {
            const text = new state.Token('text', '', 0);
            text.content = run.text;
            text.meta = child.meta;
            out.push(text);
            continue;
          }
          const open = new state.Token('bdi_open', 'bdi', 1);
          open.attrs = run.kind === 'latin' ? [['lang', 'en'], ['dir', 'ltr']] : run.kind === 'arabic' ? [['lang', 'ar'], ['dir', 'rtl']] : [['dir', 'ltr']];
          const text = new state.Token('text', '', 0);
          text.content = run.text;
          out.push(open, text, new state.Token('bdi_close', 'bdi', -1));
        }
      }
      block.children = out;
    }
  });
}
