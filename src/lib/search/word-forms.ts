/**
 * Which matched words are a form of what the reader searched, for the marks in excerpts (pure;
 * excerpt.ts). Pagefind matches a query word by every indexed word starting with its stem, so its
 * match positions hold the word and its forms, but also words that merely start with it: `UN`
 * matches "under", "until", "unimpeded"; «غزة» matches «غزو» (invasion). A mark tells the reader
 * "this is (a form of) your word", so a matched word is marked when it is the query word with an
 * ending of its own (both compared as the analyzer's tokens, clitics and letter variants already
 * gone):
 * - Latin: an inflection (s, es, ed, ing, er…) on any word of three letters or more, a derivation
 *   (-ation, -ian, -ish, -ment…) on a base of four or more; a word of one or two letters ("UN",
 *   "EU") only itself and its plural. The query word's own ending is taken off first, so
 *   `negotiations` marks "negotiating" and `forces` "forced".
 * - Arabic: a suffix (plural ات ون ين, dual ان, nisba ي يه, an attached pronoun ها هم ته, the alif
 *   of ًا…), the ة (ه) or ًا of the query word taken off first, so «قوة» marks «قوات» and «قوته»,
 *   «غزة» marks «غزي», «عضوًا» marks «عضو», never «غزو» nor «قول».
 * - a word derived from a name as rank.ts reads it (isNameWord: Emirati for Emirates).
 * This only unmarks: it never adds a position Pagefind did not match. Where a page holds no form
 * of a query word at all, Pagefind found it by longer words only (the reader is still typing
 * "negot", or the page says "Turkish" for `Turk`); those are then its marks (excerpt.ts,
 * formedTerms), for a word of at least MIN_COMPLETION letters: one or two letters stand for
 * nothing in the words they start.
 */
import { ARABIC_NISBA_ENDINGS, LATIN_DEMONYM_ENDINGS, isNameWord } from './rank.ts';

const ARABIC = /[\u0621-\u064A]/;

/** Endings that make another form of any Latin word of three letters or more. */
const LATIN_INFLECTIONS = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ies', 'ied'];
/** Endings that derive a word from a Latin base of four letters or more (a name's demonyms among them: rank.ts). */
const LATIN_DERIVATIONS = [
  'e', 'y', 'ys', 'ion', 'ions', 'ation', 'ations', 'ate', 'ated', 'ates', 'ating', 'ator', 'ators', 'ment', 'ments', 'al', 'ally', 'ly',
  'ive', 'or', 'ors', 'ity', 'ities', 'ist', 'ists', 'ism', ...LATIN_DEMONYM_ENDINGS.filter((e) => e !== 's'),
];
/**
 * Suffixes of Arabic forms of a word: the alif of an indefinite accusative (عضوًا، إسرائيليًا), plural,
 * dual, nisba (rank.ts), attached pronouns, and ة written ت before a pronoun.
 */
const ARABIC_SUFFIXES = [
  'ا', 'يا', 'ه', 'ات', 'ان', 'ين', 'ون', ...ARABIC_NISBA_ENDINGS, 'ها', 'هم', 'هما', 'هن', 'كم', 'نا', 'وا',
  'ته', 'تها', 'تهم', 'تين', 'تان', 'اتها', 'اتهم',
];

/** The fewest letters of a query word whose longer words are marked where the page has no form of it. */
export const MIN_COMPLETION = 3;

const LATIN_SHORT = new Set(['', 's']);
const LATIN_THREE = new Set(['', ...LATIN_INFLECTIONS]);
const LATIN_ALL = new Set(['', ...LATIN_INFLECTIONS, ...LATIN_DERIVATIONS]);
const ARABIC_ALL = new Set(['', ...ARABIC_SUFFIXES]);
const LATIN_STRIP = [...LATIN_INFLECTIONS, ...LATIN_DERIVATIONS];

/** Letters of a token, abbreviation dots dropped (U.N. is UN). */
const letters = (token: string) => token.replace(/\./g, '');

/** The query word and the word without each ending it may have: the bases its forms share («عضوا»: عضو, not only عض). */
function basesOf(term: string, arabic: boolean): string[] {
  const strip = arabic ? ARABIC_SUFFIXES : LATIN_STRIP;
  // What is left must still be a word: two Arabic letters (a root's first two with ة gone), four Latin
  // (three for an inflection: "aids" → "aid").
  const out = [term];
  for (const ending of strip) {
    const rest = term.length - ending.length;
    if (term.endsWith(ending) && rest >= (arabic ? 2 : LATIN_INFLECTIONS.includes(ending) ? 3 : 4)) out.push(term.slice(0, rest));
  }
  return out;
}

function oneForm(token: string, term: string): boolean {
  if (token === term) return true;
  if (isNameWord(token, term)) return true;
  const arabic = ARABIC.test(term);
  if (arabic !== ARABIC.test(token)) return false;
  return basesOf(term, arabic).some((b) => {
    if (!token.startsWith(b)) return false;
    const rest = token.slice(b.length);
    // A lone alif on two letters is a verb more often than an accusative: غزا (invaded) is not غزة.
    if (arabic) return ARABIC_ALL.has(rest) && (rest !== 'ا' || b.length >= 3);
    return (b.length >= 4 ? LATIN_ALL : b.length === 3 ? LATIN_THREE : LATIN_SHORT).has(rest);
  });
}

/**
 * Whether an indexed token is a form of a query term (see above). A hyphenated token (indexed whole
 * and by its parts: peace-keeping, عبد-رحمن) is one when it or one of its parts is.
 */
export function isFormOf(token: string, term: string): boolean {
  const [t, q] = [letters(token), letters(term)];
  if (!t || !q) return false;
  if (oneForm(t, q)) return true;
  return t.includes('-') && !q.includes('-') && t.split('-').some((part) => part !== '' && oneForm(part, q));
}

/** Whether a token starts with a query term (Pagefind's prefix match), or one of its parts does. */
export function startsWithTerm(token: string, term: string): boolean {
  const [t, q] = [letters(token), letters(term)];
  return t.startsWith(q) || t.split('-').some((part) => part.startsWith(q));
}
