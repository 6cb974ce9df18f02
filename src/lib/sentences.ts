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
 * diacritics, tatweel, and Arabic proclitics: «وحماس» and «حماس» are one word), in order.
 */
function wordsOf(sentence: string): string[] {
  return sentence.split(/[^\p{L}\p{M}\p{N}]+/u).map(normalizeWord).filter(Boolean);
}

/**
 * The longest stretch of shared words in the same order where either list may insert up to
 * `gap` words between two shared ones (0: word for word): a clause repeated with a word or two added
 * («بحسب مصادر [مطلعة] نقل عنها موقع أكسيوس [الإخباري الأمريكي]، تضع الولايات المتحدة …»).
 */
export function longestSharedChain(a: readonly string[], b: readonly string[], gap = 2): number {
  let best = 0;
  // chain[i][j]: the longest such stretch ending with a[i] = b[j].
  const chain = a.map(() => new Array<number>(b.length).fill(0));
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      if (a[i] !== b[j]) continue;
      let length = 1;
      for (let di = 1; di <= gap + 1 && di <= i; di += 1) {
        for (let dj = 1; dj <= gap + 1 && dj <= j; dj += 1) length = Math.max(length, chain[i - di]![j - dj]! + 1);
      }
      chain[i]![j] = length;
      best = Math.max(best, length);
    }
  }
  return best;
}

/** How alike two sentences are, measured on their normalised words. */
export interface Likeness {
  /** Share of the smaller sentence's distinct words that the other also has (0..1). */
  overlap: number;
  /** The longest stretch both share in order, up to two words inserted between shared ones (`longestSharedChain`), in words. */
  chain: number;
  /** The longest stretch both share word for word, as a share of the shorter sentence's length (0..1). */
  runShare: number;
}

export function likeness(a: string, b: string): Likeness {
  return likenessOf(prepare(a), prepare(b));
}

interface Prepared { text: string; words: string[]; set: Set<string> }
const prepare = (text: string): Prepared => {
  const words = wordsOf(text);
  return { text, words, set: new Set(words) };
};

function likenessOf(a: Prepared, b: Prepared): Likeness {
  const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared += 1;
  const shorter = Math.min(a.words.length, b.words.length);
  return {
    overlap: small.size === 0 ? 1 : shared / small.size,
    chain: longestSharedChain(a.words, b.words),
    runShare: shorter === 0 ? 1 : longestSharedChain(a.words, b.words, 0) / shorter,
  };
}

/**
 * When two excerpts count as one statement. Two measures, because readers notice two kinds of
 * repetition:
 * - `overlap`: most words of the shorter are in the longer (a key point and the summary
 *   sentence it condenses, reworded or reordered);
 * - `chain` / `runShare`: a clause repeated inside a longer sentence, which the word overlap
 *   misses when each sentence adds words of its own: the same opening with a word or two
 *   inserted (66 % overlap, a chain of 13 words), or a short sentence that is half of a longer
 *   one word for word.
 *
 * Figures from every pair of excerpts of one briefing on every topic page, both languages
 * (312 lists; the pairs are in tests/unit/bidi-and-sentences.test.ts): restatements have an
 * overlap from 71 % up, or a chain of 10 words or more, or a verbatim run of 40 % or more of
 * the shorter sentence. Different statements that share an attribution or a name («According to
 * The Times of Israel … the United States does not expect …», «… قرار مجلس الأمن 2803 …») stay
 * at or under 68 % overlap, a chain of 9 words and a run of 33 %.
 */
export const RESTATEMENT: Rule = { overlap: 0.7, chain: 10, runShare: 0.4 };
export type Rule = { overlap: number; chain: number; runShare: number };

export function isRestatement(l: Likeness, rule: Rule = RESTATEMENT): boolean {
  return l.overlap >= rule.overlap || l.chain >= rule.chain || l.runShare >= rule.runShare;
}

/**
 * `isRestatement(likenessOf(a, b), rule)`, measuring only as far as it must: the word overlap is
 * cheap, each chain a table of both sentences' words (topic pages compare thousands of pairs).
 */
function restates(a: Prepared, b: Prepared, rule: Rule): boolean {
  const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared += 1;
  if ((small.size === 0 ? 1 : shared / small.size) >= rule.overlap) return true;
  // No shared word: no chain either (both measures are 0).
  if (shared === 0) return rule.chain <= 0 || rule.runShare <= 0;
  if (longestSharedChain(a.words, b.words) >= rule.chain) return true;
  const shorter = Math.min(a.words.length, b.words.length);
  return (shorter === 0 ? 1 : longestSharedChain(a.words, b.words, 0) / shorter) >= rule.runShare;
}

/**
 * Drops excerpts that repeat an earlier one (`isRestatement`): of two, only the longer is kept,
 * in the place of the first. A key point and the summary sentence it condenses then show once.
 */
export function distinctSentences(sentences: readonly string[], rule: Rule = RESTATEMENT): string[] {
  const kept: Prepared[] = [];
  for (const text of sentences) {
    const next = prepare(text);
    const twin = kept.find((k) => restates(k, next, rule));
    if (!twin) kept.push(next);
    else if (next.set.size > twin.set.size) Object.assign(twin, next);
  }
  return kept.map((k) => k.text);
}
