/**
 * Sentence boundaries for Arabic and English running text, used to quote "the citing sentence"
 * on topic pages. A sentence ends at . ! ? ؟ or … followed by a space; citation markers are
 * not part of the plain text, so they cannot split sentences.
 */

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

/** The words of a sentence for comparing: no diacritics, tatweel or punctuation, lower case. */
function wordsOf(sentence: string): Set<string> {
  return new Set(
    sentence
      .toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/**
 * Drops sentences that repeat an earlier one in other words: when most words of the shorter of
 * two sentences (`overlap`, by default 80 %) are in the longer, only the longer is kept, in the
 * place of the first. A key point and the summary sentence it condenses then show once.
 */
export function distinctSentences(sentences: readonly string[], overlap = 0.8): string[] {
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
