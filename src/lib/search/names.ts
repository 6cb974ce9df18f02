/**
 * Spelling variants of names, by rule rather than by a hand-grown alias list. Foreign names are
 * transliterated in many ways (ترامب/ترمب, نتنياهو/نتانياهو, أردوغان/أردوجان, بلومبيرغ/بلومبرغ,
 * Abdelatty/Abdelaty, al-Hayya/al-Haya). The words of the register's names that are
 * transliterations (the Arabic and the English name of a topic sound alike: ترامب/Trump,
 * باكستان/Pakistan, but not مجلس/Board or ألمانيا/Germany) become "name forms", and any word that
 * is the same name under these rules is read as it:
 * - Arabic: g written غ ج ق ك (or گ), v as ڤ/ف, p as پ/ب, ذ ظ as ز, emphatic and plain letters
 *   (ط/ت, ص ث/س, ض/د, ح/ه) for one foreign sound; long vowels (ا و ي) and the hamza written or
 *   dropped inside the word; doubled letters written once;
 * - Latin: y as i, doubled letters written once, vowels dropped; a different vowel only in names
 *   with four or more consonants (Mohammed/Muhammad), so short names do not swallow common words.
 * A word matches a form only when the two differ by these folds and by dropping vowels inside the
 * word (never at its start or end, never a consonant), their lengths differ by at most two, and
 * the word has four letters or more (three when only letters fold): مصير is not مصر, بدن is not
 * بايدن. All forms of one name meet in one representative, so the index and the query agree.
 * Applied to normalised words (normalize.ts) at index time and at query time alike.
 */

const ARABIC = /[\u0621-\u064A]/;
const ARABIC_VOWELS = new Set(['ا', 'و', 'ي', 'ء']);
const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

const ARABIC_FOLD: Record<string, string> = { غ: 'ك', ج: 'ك', ق: 'ك', گ: 'ك', ڤ: 'ف', پ: 'ب', ذ: 'ز', ظ: 'ز', ژ: 'ز', ط: 'ت', ص: 'س', ث: 'س', ض: 'د', ح: 'ه' };

/** Letters folded to one: transliteration choices, not different sounds in the original. */
function fold(word: string): string {
  if (ARABIC.test(word)) return collapse(word.replace(/[غجقگڤپذظژطصثضح]/g, (c) => ARABIC_FOLD[c]!));
  return collapse(word.replace(/y/g, 'i'));
}

const collapse = (w: string) => w.replace(/(.)\1+/gu, '$1');

const vowels = (w: string) => (ARABIC.test(w) ? ARABIC_VOWELS : LATIN_VOWELS);

/** The consonant skeleton: first and last letter kept, vowels inside dropped. */
export function nameKey(word: string): string {
  const f = fold(word);
  if (f.length <= 2) return f;
  const v = vowels(f);
  return f[0] + [...f.slice(1, -1)].filter((c) => !v.has(c)).join('') + f[f.length - 1];
}

/** True when `long` is `short` with vowels added inside the word (first and last letters kept). */
function addsInnerVowels(long: string, short: string, v: Set<string>): boolean {
  if (long[0] !== short[0] || long[long.length - 1] !== short[short.length - 1]) return false;
  let j = 0;
  for (let i = 0; i < long.length; i++) {
    if (j < short.length && long[i] === short[j]) j++;
    else if (!v.has(long[i]!) || i === 0 || i === long.length - 1) return false;
  }
  return j === short.length;
}

/** Whether `word` is the name form `form` spelled another way (see the rules above). */
export function sameName(word: string, form: string): boolean {
  if (word === form) return true;
  const a = fold(word);
  const b = fold(form);
  if (Math.abs(word.length - form.length) > 2) return false;
  if (a === b) return word.length >= 3;
  if (word.length < 4) return false;
  const v = vowels(a);
  if (a.length > b.length ? addsInnerVowels(a, b, v) : addsInnerVowels(b, a, v)) return true;
  // Latin only: another vowel in the same place, for names with enough consonants to be safe.
  if (v === LATIN_VOWELS && a.length === b.length && nameKey(a).length >= 4) return [...a].every((c, i) => c === b[i] || (v.has(c) && v.has(b[i]!)));
  return false;
}

const ARABIC_SOUND: Record<string, string> = {
  ب: 'b', پ: 'b', ت: 't', ط: 't', ث: 's', س: 's', ص: 's', ز: 's', ذ: 's', ظ: 's', ژ: 's', ج: 'k', غ: 'k', ق: 'k', ك: 'k', گ: 'k', خ: 'k',
  ح: 'h', ه: 'h', ش: 'x', د: 'd', ض: 'd', ر: 'r', ف: 'f', ڤ: 'f', ل: 'l', م: 'm', ن: 'n',
};
const LATIN_SOUND: Record<string, string> = { b: 'b', p: 'b', t: 't', d: 'd', s: 's', z: 's', k: 'k', g: 'k', j: 'k', q: 'k', x: 'ks', f: 'f', v: 'f', h: 'h', r: 'r', l: 'l', m: 'm', n: 'n' };

/**
 * The consonants of a word as rough sounds, comparable across scripts (ترامب and trump both give
 * trmb): how the register tells a transliterated name from a translated one.
 */
export function sound(word: string): string {
  if (ARABIC.test(word)) return collapse([...word.replace(/ه$/, '')].map((c) => ARABIC_SOUND[c] ?? '').join(''));
  const w = word.replace(/sh|ch/g, 'x').replace(/kh|gh|ck|qu/g, 'k').replace(/th/g, 's').replace(/ph/g, 'f').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k');
  return collapse([...w].map((c) => (c === 'x' ? 'x' : LATIN_SOUND[c] ?? '')).join(''));
}

/**
 * The name forms of a register: of each topic's name words (normalised, both languages), those
 * that sound like a word of the topic's name in the other script.
 */
export function transliteratedForms(topics: { ar: string[]; en: string[] }[]): string[] {
  const forms: string[] = [];
  for (const { ar, en } of topics) {
    const sounds = (ws: string[]) => new Set(ws.map(sound).filter(Boolean));
    const arSounds = sounds(ar);
    const enSounds = sounds(en);
    forms.push(...ar.filter((w) => enSounds.has(sound(w))), ...en.filter((w) => arSounds.has(sound(w))));
  }
  return forms;
}

/** Name forms by skeleton: [form, representative][]. Serialisable, shipped to the search page. */
export type NameTable = Record<string, [form: string, rep: string][]>;

const MIN_FORM = 4;

/**
 * Builds the table from normalised name forms, most preferred spelling first (primary names
 * before aliases). Forms that are the same name under the rules are joined (transitively) and
 * represented by the first of them, so the index holds the spelling a reader most likely types.
 */
export function buildNameTable(forms: Iterable<string>): NameTable {
  const order = new Map<string, number>();
  for (const form of forms) if (!order.has(form)) order.set(form, order.size);
  const byKey = new Map<string, string[]>();
  for (const form of order.keys()) {
    if (form.length < MIN_FORM || /^\d+$/.test(form)) continue;
    const key = nameKey(form);
    byKey.set(key, [...(byKey.get(key) ?? []), form]);
  }
  const table: NameTable = {};
  for (const [key, list] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Union-find over "same name" within one skeleton.
    const parent = list.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    list.forEach((a, i) => list.forEach((b, j) => j > i && sameName(a, b) && (parent[root(j)] = root(i))));
    const groups = new Map<number, string[]>();
    list.forEach((form, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), form]));
    const rows: [string, string][] = [];
    for (const group of groups.values()) {
      const rep = [...group].sort((a, b) => order.get(a)! - order.get(b)!)[0]!;
      for (const form of group.sort()) rows.push([form, rep]);
    }
    table[key] = rows;
  }
  return table;
}

/** A function reading a normalised word as the name it spells, if any (memoised). */
export function createNameFolder(table: NameTable): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let out = memo.get(word);
    if (out === undefined) {
      out = word;
      const rows = word.length >= 3 ? table[nameKey(word)] : undefined;
      if (rows) {
        // The closest form wins (fewest letters apart); a tie between two names folds nothing.
        const hits = rows.filter(([form]) => sameName(word, form)).sort(([a], [b]) => Math.abs(a.length - word.length) - Math.abs(b.length - word.length));
        const best = hits[0];
        if (best && !hits.some(([form, rep]) => rep !== best[1] && Math.abs(form.length - word.length) === Math.abs(best[0].length - word.length))) out = best[1];
      }
      if (memo.size >= 200_000) memo.clear();
      memo.set(word, out);
    }
    return out;
  };
}
