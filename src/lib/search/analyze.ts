/**
 * The one word analysis of search, used to write the index (build), to read a query (browser)
 * and to map matches back to the original words (excerpts): normalisation (normalize.ts), then
 * names (names.ts), then compounds.
 * - Arabic: proclitics are stripped one by one (normalize.ts), but the stripping stops at a name
 *   or a word derived from one: وبلومبرغ → بلومبيرغ's form, never مبرغ; الباكستانية → باكستانيه.
 *   A word spelling a name another way becomes the name's form (ترمب → ترامب).
 *   عبدالرحمن and عبد الرحمن meet: the joined word is indexed as the compound عبد-رحمن (Pagefind
 *   indexes a hyphenated word whole and by its parts, at one position) and queried as two words.
 * - Latin: each part of a hyphenated word is read as a name (al-Haya → al-hayya); Abdel/Abdul
 *   names are split like عبد.
 * Each original word gives one token ('' for punctuation), so positions map back to the text.
 */
import { cliticChain, latinVariants, normalizeLetters, words, wordCore } from './normalize.ts';
import { buildNameTable, createNameFolder, transliteratedForms, type NameTable } from './names.ts';

const ARABIC = /[\u0621-\u064A]/;
const ABD = /^عبد(ال.{2,})$/;
const LATIN_ABD = /^(abd[eu]l)([a-z]{3,})$/;

/** The normalised words of a name as the register writes it (an article is dropped, hyphens split). */
export function nameWords(name: string): string[] {
  return words(name).flatMap((w) => {
    const letters = normalizeLetters(wordCore(w));
    if (ARABIC.test(letters)) {
      const m = ABD.exec(letters);
      const parts = m ? ['عبد', m[1]!] : [letters];
      return parts.map((p) => (p.startsWith('ال') && p.length >= 4 ? p.slice(2) : p));
    }
    return latinVariants(letters).split('-').flatMap((p) => {
      const m = LATIN_ABD.exec(p);
      return m ? [m[1]!, m[2]!] : [p];
    });
  }).filter(Boolean);
}

export interface TopicNameWords {
  /** Name words, the primary name's first. */
  ar: string[];
  en: string[];
}

/** The name table of a register (see names.ts), primary spellings preferred. */
export function nameTable(topics: TopicNameWords[]): NameTable {
  const forms = transliteratedForms(topics);
  const rank = (w: string) => topics.findIndex((t) => t.ar[0] === w || t.en[0] === w) < 0 ? 1 : 0;
  return buildNameTable([...forms].sort((a, b) => rank(a) - rank(b)));
}

export interface Analyzer {
  /** The indexed token of one original word ('' for punctuation). */
  token(word: string): string;
  /** The tokens of running text, one per word that has one, in order (index positions). */
  tokens(text: string): string[];
  /** The terms a query is searched with. */
  queryTerms(query: string): string[];
}

export function createAnalyzer(table: NameTable): Analyzer {
  const fold = createNameFolder(table);
  const forms = new Set(Object.values(table).flatMap((rows) => rows.map(([form]) => form)));
  // Stems of derived words: the name, or the name without its final vowel (ايطاليا → ايطالي-ه).
  const stems = new Set([...forms].flatMap((f) => (/[اهي]$/.test(f) && f.length > 4 ? [f, f.slice(0, -1)] : [f])));
  // Their first four letters: most words share them with no stem and need no further look.
  const starts = new Set([...stems].filter((st) => st.length >= 4).map((st) => st.slice(0, 4)));
  const derived = (w: string) => {
    if (!starts.has(w.slice(0, 4))) return false;
    for (let n = w.length - 1; n >= 4; n--) if (stems.has(w.slice(0, n))) return true;
    return false;
  };
  const arabic = (letters: string): string => {
    const chain = cliticChain(letters);
    let out = chain.at(-1)!;
    for (const c of chain) {
      const f = fold(c);
      if (f !== c || forms.has(c)) {
        out = f;
        break;
      }
      if (derived(c)) {
        out = c;
        break;
      }
    }
    const m = ABD.exec(out);
    return m ? `عبد-${arabic(m[1]!)}` : out;
  };
  const latin = (letters: string): string =>
    latinVariants(letters)
      .split('-')
      .map((p) => {
        const m = LATIN_ABD.exec(p);
        return m ? `${m[1]}-${fold(m[2]!)}` : fold(p);
      })
      .join('-');
  const memo = new Map<string, string>();
  const token = (word: string): string => {
    let out = memo.get(word);
    if (out === undefined) {
      const core = wordCore(word);
      const letters = core ? normalizeLetters(core) : '';
      out = !letters ? '' : ARABIC.test(letters.charAt(0)) ? arabic(letters) : latin(letters);
      if (memo.size >= 500_000) memo.clear();
      memo.set(word, out);
    }
    return out;
  };
  return {
    token,
    tokens: (text) => words(text).map(token).filter(Boolean),
    queryTerms: (query) =>
      words(query)
        .map(token)
        .filter(Boolean)
        .flatMap((t) => (/^(عبد|abd[eu]l)-/.test(t) ? t.split('-') : [t])),
  };
}
