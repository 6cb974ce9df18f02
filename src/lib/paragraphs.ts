/**
 * Deterministic paragraph splitting for source documents.
 *
 * Seeds arrive as scraped text: paragraphs separated by one newline or by several, sometimes
 * with trailing spaces, a BOM or CRLF line ends. Citations are stable only if numbering ignores
 * all of that, so a paragraph is simply every line that has visible text, numbered from 1.
 *
 * The seed file stays verbatim, but a paragraph's text is what readers are shown: without bidi
 * embeddings, overrides, isolates and marks, which could reorder it (docs/editorial-guide.md §8).
 */
import { stripBidiControls } from './editorial/invisible.ts';

export type ParagraphKind = 'text' | 'short';

export interface Paragraph {
  /** 1-based number; the anchor is `p<n>`. */
  n: number;
  /** The line as printed in the seed, with surrounding whitespace and any bidi controls removed. */
  text: string;
  /** `short` marks subheads, datelines and captions (a few words, no closing punctuation). */
  kind: ParagraphKind;
  /** 1-based line number in the seed file, for error messages. */
  line: number;
}

/** Strips a leading BOM and unifies CRLF / CR line ends to LF. */
export function normalizeNewlines(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const CLOSING_PUNCTUATION = /[.!?؟:؛;…"»”'’)\]]$/u;
const SHORT_MAX_WORDS = 10;

export function classifyParagraph(text: string): ParagraphKind {
  const words = text.split(/\s+/u).filter(Boolean).length;
  return words <= SHORT_MAX_WORDS && !CLOSING_PUNCTUATION.test(text) ? 'short' : 'text';
}

/** Splits a seed into numbered paragraphs; blank and whitespace-only lines are skipped. */
export function splitParagraphs(raw: string): Paragraph[] {
  const out: Paragraph[] = [];
  normalizeNewlines(raw)
    .split('\n')
    .forEach((rawLine, index) => {
      const text = stripBidiControls(rawLine).replace(/^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/gu, '');
      if (text === '') return;
      out.push({ n: out.length + 1, text, kind: classifyParagraph(text), line: index + 1 });
    });
  return out;
}
