/**
 * Merged bundles answer a word as one bundle does, despite Pagefind's prefix fallback (pure; the
 * search page's engine feeds it Pagefind's matches, src/scripts/search/engine.ts).
 *
 * Pagefind matches a query word by every indexed word that starts with it; when its loaded words
 * hold none, it falls back to the longest indexed word that the query word starts with
 * (`find_word_extensions` in pagefind_web/src/search.rs: "checking the inverse"). One bundle holds
 * every word of the language, so it falls back only when no page has a word starting with the
 * query word. A language split into bundles is searched bundle by bundle (mergeIndex), and a bundle
 * that happens to lack the word falls back on its own: "pakistan" in a bundle without it matched
 * `pa` (an alias of the Palestinian Authority) while the other bundles matched Pakistan.
 *
 * Which word a result matched is not in Pagefind's answer (only in its playground mode, which its
 * module does not export). It shows in two more searches of the word:
 * - quoted (exact): the pages holding the word's stem itself, true matches in any bundle;
 * - the word with a letter after it that no indexed word has (PROBE): no word starts with that,
 *   so every bundle falls back to its longest word that the probe starts with. A bundle that fell
 *   back for the word falls back to the same word for the probe, and its pages match at the same
 *   positions; a bundle with true matches matches other words (a shorter one, elsewhere) or none.
 * A page is a fallback match when it is not an exact match and the probe matched it at exactly
 * the positions the word did.
 *
 * Pagefind stems the word but not the probe, whose last letter no stemmer knows; so the probe may
 * fall back to an indexed word between the stem and the word, a true match (Arabic عمليات, امريك:
 * seen on this site's one bundle). So the probe is made from the longest of the word and its prefixes (longest first)
 * whose probe matches every page holding the stem itself where the word's quoted search does: a
 * prefix no shorter than the stem, short of any word between. When no prefix matches them all, no
 * page is called a fallback: the bundles' answers are kept as Pagefind gives them.
 *
 * When no page holds the stem, the word is still being typed (pages hold words it starts), or no
 * page has it and Pagefind fell back, in every bundle and on a one-bundle site too. The probe of
 * the word itself tells them apart page by page. A fallback is kept only when the word Pagefind
 * fell back to could stand for the query word: at least MIN_FALLBACK letters and half the word
 * ("pakistani" → "pakistan" is kept, "tony" → "to" is not: a reader searching a name no source
 * has got every page with "to"). The probe of the word's prefix one letter shorter than that
 * tells which: where it matches at the same positions, the word fallen back to is shorter.
 */

/** The shortest word a fallback may reach, in letters (see above). */
export const MIN_FALLBACK = 4;

/** The letters a word Pagefind fell back to must have for `word` (see above). */
export const shortestFallback = (word: string): number => Math.max(MIN_FALLBACK, Math.ceil([...word].length / 2));

/** A letter (Runic fehu) that no indexed word holds: indexed words are the analyser's Arabic and Latin tokens. */
export const PROBE = '\u16A0';

/** One search's matches: page id → the positions of the matching words. */
export type Matches = Map<string, number[]>;

const samePositions = (a: number[], b: number[] | undefined) => b !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Splits a word's matches into true ones (a word starting with the query word) and prefix
 * fallbacks (see above).
 * @param all    the word's matches
 * @param exact  the pages of its quoted search
 * @param probe  the matches of the word followed by PROBE
 */
export function splitFallbacks(all: Matches, exact: Set<string>, probe: Matches): { extended: Set<string>; fallback: Set<string> } {
  const extended = new Set<string>();
  const fallback = new Set<string>();
  for (const [id, positions] of all) (!exact.has(id) && samePositions(positions, probe.get(id)) ? fallback : extended).add(id);
  return { extended, fallback };
}

/**
 * Splits a word's matches (see splitFallbacks) with the searches it needs: the word, quoted, and
 * when some match is not exact, the probe of the word or of its prefixes, longest first (above).
 * The true matches are what one bundle answers, less fallbacks to a word too short to stand for
 * the query word; an empty set when no page has the word or a word it starts with.
 * @param search  Pagefind's matches for a query (`"w"` quoted)
 * @param oneBundle  the language is one bundle: a page holding the stem means no page fell back
 */
export async function findFallbacks(word: string, search: (query: string) => Promise<Matches>, oneBundle = false): Promise<{ extended: Set<string>; fallback: Set<string> }> {
  const [all, exact] = await Promise.all([search(word), search(`"${word}"`)]);
  const exactIds = new Set(exact.keys());
  const none = { extended: new Set(all.keys()), fallback: new Set<string>() };
  if (!all.size || (exact.size && (oneBundle || [...all.keys()].every((id) => exactIds.has(id))))) return none;
  if (!exact.size) return withoutShortFallbacks(word, all, splitFallbacks(all, exactIds, await search(`${word}${PROBE}`)), search);
  for (const stem of [word, ...prefixesOf(word)]) {
    const probe = await search(`${stem}${PROBE}`);
    // The probe fell back to the stem itself: it matched every exact page where the quoted search did.
    if ([...exact].every(([id, positions]) => positions.every((p) => probe.get(id)?.includes(p)))) return splitFallbacks(all, exactIds, probe);
  }
  return none;
}

/**
 * No page holds the word's stem: pages holding words it starts are its true matches, and the
 * others fell back. Where none holds such words, the fallbacks are its matches as in one bundle,
 * those to a word long enough to stand for it (see above).
 */
async function withoutShortFallbacks(word: string, all: Matches, split: { extended: Set<string>; fallback: Set<string> }, search: (query: string) => Promise<Matches>): Promise<{ extended: Set<string>; fallback: Set<string> }> {
  if (split.extended.size) return split;
  const letters = [...word];
  const shorter = shortestFallback(word) - 1;
  // The word itself is shorter than a fallback may be: every fallback is too short.
  const probe = shorter < letters.length ? await search(`${letters.slice(0, shorter).join('')}${PROBE}`) : undefined;
  const short = new Set([...all].filter(([id, positions]) => !probe || samePositions(positions, probe.get(id))).map(([id]) => id));
  return { extended: new Set([...all.keys()].filter((id) => !short.has(id))), fallback: short };
}

/** The strict prefixes of a word, longest first (where its stem is looked for). */
export const prefixesOf = (word: string): string[] => {
  const chars = [...word];
  return chars.slice(1).map((_, i) => chars.slice(0, chars.length - 1 - i).join(''));
};
