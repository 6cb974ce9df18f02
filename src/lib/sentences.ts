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
