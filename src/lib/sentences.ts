/**
 * Sentence boundaries for Arabic and English running text, used to quote "the citing sentence"
 * on topic pages. A sentence ends at . ! ? ؟ or … followed by a space; citation markers are
 * not part of the plain text, so they cannot split sentences.
 */

import { normalizeWord } from './search/normalize.ts';

const END = /[.!?؟…](?:["'”’»)]*)\s+/gu;

/** The sentence of `text` that contains character offset `at`, trimmed. */
export function sentenceAround(text: string, at: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(END)) {
    const boundary = (m.index ?? 0) + m[0].length;
    if (boundary <= at) start = boundary;
    else {
      end = (m.index ?? 0) + m[0].trimEnd().length;
      break;
    }
  }
  return text.slice(start, end).trim();
}

/**
 * The words of a sentence for comparing, normalised as search normalises them (letter variants,
 * diacritics, tatweel, and Arabic proclitics: «وحماس» and «حماس» are one word).
 */
function wordsOf(sentence: string): Set<string> {
  return new Set(sentence.split(/[^\p{L}\p{M}\p{N}]+/u).map(normalizeWord).filter(Boolean));
}

/**
 * Drops sentences that repeat an earlier one in other words: when most words of the shorter of
 * two sentences (`overlap`, by default 70 %) are in the longer, only the longer is kept, in the
 * place of the first. A key point and the summary sentence it condenses then show once.
 *
 * 70 % was chosen on the English topic pages' excerpt pairs (restatements from 71 % up,
 * different statements at 68 % and below) and then checked on the Arabic pages as a holdout:
 * 9 pairs merged, all restatements, none wrong; two restatements stay, at 66 % (one pair, on
 * four topic pages) and 69 %.
 */
export function distinctSentences(sentences: readonly string[], overlap = 0.7): string[] {
  const kept: { text: string; words: Set<string> }[] = [];
  for (const text of sentences) {
    const words = wordsOf(text);
    const twin = kept.find((k) => {
      const [small, large] = k.words.size <= words.size ? [k.words, words] : [words, k.words];
      if (small.size === 0) return true;
      let shared = 0;
      for (const w of small) if (large.has(w)) shared += 1;
      return shared / small.size >= overlap;
    });
    if (!twin) kept.push({ text, words });
    else if (words.size > twin.words.size) Object.assign(twin, { text, words });
  }
  return kept.map((k) => k.text);
}
