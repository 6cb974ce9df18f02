/**
 * Search normalisation, identical at index time (build) and query time (browser), so a reader
 * finds a word however it is spelled or prefixed:
 * - Arabic letter variants: hamza seats (أ إ آ ٱ → ا; ؤ ئ ء → ء, so مسئول meets مسؤول), ى → ي,
 *   ة → ه; Arabic-Indic digits → 0–9;
 * - tashkeel (short-vowel marks) and tatweel removed;
 * - attached proclitics stripped: و ف (conjunctions), ب ك ل (prepositions) and ال (article), in any
 *   order and repeatedly, keeping at least three letters (two after ال). Stripping is greedy and
 *   memoryless, so a word and the same word with a clitic always meet: فترة and لفترة both give
 *   تره, وزير and الوزير both give زير (a root letter may go too, but it goes on both sides);
 * - Latin lower-cased, diacritics removed (Erdoğan → erdogan), possessive 's dropped, British
 *   -isation/-ise spelled -ization/-ize.
 * Each whitespace-separated input word maps to exactly one output word ('' for punctuation), so
 * positions map back to the original text and excerpts keep the original spelling.
 */

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Letter-level normalisation of one word. */
export function normalizeLetters(word: string): string {
  return word
    .normalize('NFC')
    .replace(TASHKEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ؤئ]/g, 'ء')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[A-Za-z\u00C0-\u024F]+/g, (latin) => latin.normalize('NFD').replace(COMBINING, '').toLowerCase());
}

const MIN_STEM = 3;
const CLITICS = 'وفبكل';

/**
 * A letter-normalised Arabic word and each word left by stripping one more proclitic (greedy,
 * any order): والقوه → [والقوه, القوه, قوه]. The last is the stem; analyze.ts may stop earlier
 * at a name.
 */
export function cliticChain(word: string): string[] {
  const chain = [word];
  if (!ARABIC_LETTER.test(word.charAt(0))) return chain;
  let w = word;
  for (;;) {
    if (w.startsWith('ال') && w.length - 2 >= 2) w = w.slice(2);
    else if (CLITICS.includes(w.charAt(0)) && w.length - 1 >= MIN_STEM) w = w.slice(1);
    else return chain;
    chain.push(w);
  }
}

/** Strips attached proclitics from a letter-normalised Arabic word (greedy, any order). */
export const stripProclitics = (word: string): string => cliticChain(word).at(-1)!;

/** Latin spelling variants that meet: possessive 's, British -isation/-ise. */
export function latinVariants(word: string): string {
  return word
    .replace(/['’]s$/, '')
    .replace(/(\w{4,})isation(s?)$/, '$1ization$2')
    .replace(/(\w{4,})is(e|ed|es|ing)$/, '$1iz$2');
}

const normalized = new Map<string, string>();

/** Drops the punctuation around a word ('' when nothing else is left). */
export const wordCore = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** One word, fully normalised, without name rules (see analyze.ts); '' for punctuation. Memoised. */
export function normalizeWord(word: string): string {
  let out = normalized.get(word);
  if (out === undefined) {
    const core = wordCore(word);
    out = core ? latinVariants(stripProclitics(normalizeLetters(core))) : '';
    if (normalized.size >= 500_000) normalized.clear();
    normalized.set(word, out);
  }
  return out;
}

/** Splits text into words on whitespace (the same split for original and normalised text). */
export function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** Normalises running text word by word; whitespace collapses to single spaces. */
export function normalizeText(text: string): string {
  return words(text)
    .map(normalizeWord)
    .filter(Boolean)
    .join(' ');
}
