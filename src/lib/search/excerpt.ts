/**
 * Excerpts and highlights in the original spelling: finds the section of a result that best
 * matches the normalised query terms and marks the words whose normalised form matches.
 * Shared by the search page (browser) and its tests.
 */
import { normalizeWord } from './normalize.ts';

export type Section = [anchor: string, heading: string, text: string];

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  anchor: string;
  heading: string;
  parts: ExcerptPart[];
  /** True when the text itself contains a query term (not only a topic alias). */
  matched: boolean;
}

const matches = (word: string, terms: string[]) => {
  const w = normalizeWord(word);
  return w !== '' && terms.some((term) => w.startsWith(term));
};

/** The best section for the terms and a window of about `size` words around its first match. */
export function bestExcerpt(sections: Section[], terms: string[], size = 32): Excerpt | undefined {
  let best: { section: Section; words: string[]; hits: boolean[]; distinct: number; count: number } | undefined;
  for (const section of sections) {
    const words = section[2].split(/(\s+)/u);
    const hits = words.map((w) => !/^\s*$/.test(w) && matches(w, terms));
    const distinct = terms.filter((term) => words.some((w) => normalizeWord(w).startsWith(term))).length;
    const count = hits.filter(Boolean).length;
    if (!best || distinct > best.distinct || (distinct === best.distinct && count > best.count)) best = { section, words, hits, distinct, count };
  }
  if (!best) return undefined;
  const first = Math.max(0, best.hits.indexOf(true));
  // `words` alternates word / whitespace, so a window of `size` words spans 2 × size entries.
  const start = Math.max(0, first - size);
  const end = Math.min(best.words.length, start + size * 2);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  for (let i = start; i < end; i++) {
    const text = best.words[i]!;
    const last = parts[parts.length - 1];
    const mark = best.hits[i]!;
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  }
  if (end < best.words.length) parts.push({ text: ' …', mark: false });
  return { anchor: best.section[0], heading: best.section[1], parts, matched: best.count > 0 };
}
