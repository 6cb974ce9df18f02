/**
 * Search normalisation, identical at index time (build) and query time (browser), so a reader
 * finds a word however it is spelled or prefixed:
 * - Arabic letter variants: hamza seats (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى → ي, ة → ه;
 * - tashkeel (short-vowel marks) and tatweel removed;
 * - attached proclitics stripped: و ف (conjunctions), ب ل ك (prepositions), ال (article) and
 *   their combinations (وال، فبال، لل …), keeping at least three letters of the word;
 * - Latin lower-cased, diacritics removed (Erdoğan → erdogan).
 * Each input word maps to exactly one output word, so positions can be mapped back to the
 * original text and excerpts keep the original spelling.
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
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[A-Za-z\u00C0-\u024F]+/g, (latin) => latin.normalize('NFD').replace(COMBINING, '').toLowerCase());
}

const MIN_STEM = 3;

/** Strips attached proclitics from a letter-normalised Arabic word. */
export function stripProclitics(word: string): string {
  if (!ARABIC_LETTER.test(word.charAt(0))) return word;
  let w = word;
  const strip = (prefix: string, min = MIN_STEM) => {
    if (w.startsWith(prefix) && w.length - prefix.length >= min) {
      w = w.slice(prefix.length);
      return true;
    }
    return false;
  };
  // Conjunction, then preposition, then article: و/ف + ب/ك/ل + ال. "لل" is ل + ال.
  strip('و') || strip('ف');
  if (!strip('لل', 2)) {
    strip('ب') || strip('ك') || strip('ل');
    strip('ال', 2);
  }
  return w;
}

const normalized = new Map<string, string>();

/** One word, fully normalised; punctuation around it is dropped. Memoised: running text repeats words. */
export function normalizeWord(word: string): string {
  let out = normalized.get(word);
  if (out === undefined) {
    const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    out = core ? stripProclitics(normalizeLetters(core)) : '';
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

/** The normalised query terms for a reader's query. */
export function queryTerms(query: string): string[] {
  return words(query).map(normalizeWord).filter(Boolean);
}
