/**
 * The topics a short text names without linking them: an event's text ("Steve Witkoff is to meet
 * officials from Qatar, Egypt and Turkey in Miami") names the topics the timeline can filter it
 * by. A topic is named when its name or one of its aliases in the text's language occurs as
 * whole words, compared as search compares words (normalize.ts: letter variants, diacritics,
 * case, Arabic proclitics: «وتركيا» names تركيا; "Turkey's" names Turkey).
 *
 * Only `candidates` are looked for (for an event, the topics of its briefing), so the cost stays
 * per briefing as the corpus grows, and a common word that is also some far-off topic's name
 * cannot pull unrelated events in.
 */
import { normalizeWord } from './search/normalize.ts';

export interface NamedTopic { id: string; names: readonly string[] }

const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{M}\p{N}]+/u).map(normalizeWord).filter(Boolean);

/** Whether `needle` occurs in `hay` as consecutive words. */
function occurs(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A name's words, made once: the same few topic names are looked for in every event of the
 * corpus (at 1,000 bench sources splitting and normalising them again took about 0.5 s of every
 * corpus load). A cache keyed by its input, so it never changes what a page reads.
 */
const nameWords = new Map<string, string[]>();
const wordsOfName = (name: string): string[] => {
  let words = nameWords.get(name);
  if (!words) nameWords.set(name, (words = wordsOf(name)));
  return words;
};

/** The ids of the candidates `text` names, in the candidates' order. */
export function namedTopics(text: string, candidates: readonly NamedTopic[]): string[] {
  const hay = wordsOf(text);
  // A name whose first word the text lacks is not looked for word by word (most are not there).
  const present = new Set(hay);
  return candidates.filter((c) => c.names.some((name) => {
    const needle = wordsOfName(name);
    return needle.length > 0 && present.has(needle[0]!) && occurs(hay, needle);
  })).map((c) => c.id);
}
