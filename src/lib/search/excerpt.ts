/**
 * Excerpts and highlights in the original spelling. Pagefind reports where a page matched, as
 * positions in its indexed text; the page's data (index-document.ts) says where each section's
 * words start. Re-analysing a section's original words (analyze.ts) gives each word its position,
 * so the matched words are marked as the text writes them, and the excerpt is a window of the
 * original text with its own spacing: nothing is added or dropped but the "…" at a cut.
 * Shared by the search page (browser) and its tests.
 */
import type { Analyzer } from './analyze.ts';
import type { PageData } from './index-document.ts';
import { better } from './rank.ts';
import { MIN_COMPLETION, isFormOf, startsWithTerm } from './word-forms.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  /** The section's element id ('' for the top of the page). */
  anchor: string;
  heading: string;
  parts: ExcerptPart[];
  /** Whether the section itself matched (otherwise it is the page's first section). */
  matched: boolean;
}

export interface Word {
  /** The word as written, with its punctuation. */
  text: string;
  /** Whitespace after it, as written. */
  after: string;
  token: string;
  position: number;
}

/** The words of a section with their index positions. */
export function sectionWords(text: string, start: number, analyzer: Analyzer): Word[] {
  const pieces = text.split(/(\s+)/u);
  const out: Word[] = [];
  let position = start;
  for (let i = 0; i < pieces.length; i += 2) {
    const word = pieces[i]!;
    if (!word) continue;
    const token = analyzer.token(word);
    out.push({ text: word, after: pieces[i + 1] ?? '', token, position: token ? position++ : -1 });
  }
  return out;
}

/**
 * Marks the words where a whole name stands (a one-word name of at least three letters). Names
 * are looked up by their first word, so a section is walked once whatever the number of names.
 */
function markNames(words: Word[], hits: boolean[], names: readonly string[][]): void {
  const byFirst = new Map<string, string[][]>();
  for (const name of names) {
    if (!name.length || (name.length === 1 && name[0]!.length < 3)) continue;
    byFirst.set(name[0]!, [...(byFirst.get(name[0]!) ?? []), name]);
  }
  if (!byFirst.size) return;
  const indexed = words.map((w, i) => [w.token, i] as const).filter(([t]) => t !== '');
  for (let k = 0; k < indexed.length; k++) {
    for (const name of byFirst.get(indexed[k]![0]) ?? []) {
      if (k + name.length <= indexed.length && name.every((n, j) => indexed[k + j]![0] === n)) for (let j = 0; j < name.length; j++) hits[indexed[k + j]![1]] = true;
    }
  }
}

export interface ExcerptOptions {
  /** Names that also count as matches where they stand whole (the topic the query names). */
  names?: readonly string[][];
  /** Words in the window. */
  size?: number;
  /** Show the page's opening instead (first section, from its start): a lead topic's. */
  opening?: boolean;
  /**
   * The query's terms (Analyzer.queryTerms). With them, a matched word is marked only where it is a
   * form of one of them (word-forms.ts: `UN` does not mark "under"), and with a content word among
   * them, a function word (of, the, في, على) is not marked: it says nothing of what matched. Without
   * them, every position is marked.
   */
  terms?: readonly string[];
  /** The query's quoted phrases as tokens (queryPhrases): where one stands whole, all its words are marked. */
  phrases?: readonly string[][];
  /**
   * The terms that have a form among the page's matched words (formedTerms); the others mark the
   * longer words Pagefind matched them by. Computed from the section itself when not given.
   */
  formed?: ReadonlySet<string>;
}

/**
 * Words that carry no topic of their own: prepositions, articles, conjunctions, pronouns and
 * auxiliaries. In a query with a content word they are not marked: "the", "of", «في» are on every
 * line, and marked they hide what matched. Inside a quoted phrase that stands whole, or a name of
 * the topic the query names ("Board of Peace"), they are marked with it. Content words are marked
 * however short: «قوة», «غزة», "UN", "aid". Compared as the analyzer's tokens, so a clitic form
 * («وفي») counts as its word.
 */
const FUNCTION_WORDS = [
  'في', 'من', 'على', 'عن', 'إلى', 'إلي', 'حتى', 'منذ', 'مع', 'عند', 'لدى', 'بين', 'نحو', 'خلال', 'ضد',
  'أن', 'إن', 'أنّ', 'إنّ', 'لأن', 'كما', 'ما', 'لا', 'لم', 'لن', 'قد', 'ثم', 'أو', 'أم', 'بل', 'لكن', 'إذا', 'إذ',
  'هو', 'هي', 'هم', 'هما', 'هن', 'نحن', 'أنا', 'هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'أولئك',
  'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'كان', 'كانت', 'كانوا', 'يكون', 'تكون', 'ليس', 'ليست',
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'onto', 'over', 'about', 'as',
  'and', 'or', 'but', 'nor', 'if', 'than', 'that', 'this', 'these', 'those', 'which', 'who', 'whom', 'whose',
  'it', 'its', 'he', 'she', 'they', 'them', 'their', 'his', 'her', 'we', 'our',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no',
];

/** Particles the conjunction و is written onto («وفي», «ومن»); the analyzer keeps some of these whole. */
const WITH_WAW = ['في', 'من', 'على', 'عن', 'إلى', 'مع', 'بين', 'أن', 'إن', 'لا', 'لم', 'لن', 'قد'];

const functionTokens = new WeakMap<Analyzer, ReadonlySet<string>>();

/** FUNCTION_WORDS as `analyzer`'s tokens, made once per analyzer. */
function functionWordsOf(analyzer: Analyzer): ReadonlySet<string> {
  let set = functionTokens.get(analyzer);
  if (!set) {
    set = new Set([...FUNCTION_WORDS, ...WITH_WAW.map((w) => `و${w}`)].map((w) => analyzer.token(w)).filter(Boolean));
    functionTokens.set(analyzer, set);
  }
  return set;
}

/**
 * The sections an excerpt reads (indices into `page.s`): the first; and, with names to mark,
 * every other, else those holding a match. Reading a section's words is the cost of an excerpt
 * (a source is thousands of them); without names, a section none of whose positions matched has
 * no hit and cannot beat the first section, so the others need not be read: the same excerpt.
 * The opening (a lead topic's) reads the first section only.
 */
export function excerptSections(page: PageData, positions: Iterable<number>, { names = [], opening = false }: Pick<ExcerptOptions, 'names' | 'opening'> = {}): number[] {
  if (opening || !page.s.length) return page.s.length ? [0] : [];
  if (names.length) return page.s.map((_, i) => i);
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const matched = (i: number) => {
    const from = page.s[i]![3];
    const to = page.s[i + 1]?.[3] ?? Infinity;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]! < to;
  };
  return page.s.flatMap((_, i) => (i === 0 || matched(i) ? [i] : []));
}

/** A section read for an excerpt: its words, which of them are marked, and its rank. */
export interface ReadSection {
  i: number;
  words: Word[];
  hits: boolean[];
  /** Distinct matched words, adjacent matches, matches: the higher (rank.ts `better`), the better. */
  rank: number[];
}

/**
 * The query's quoted phrases ("…" as Pagefind reads them), each as the analyzer's tokens; a
 * phrase of one word is only that word, and is left out.
 */
export function queryPhrases(analyzer: Analyzer, query: string): string[][] {
  return [...query.matchAll(/"([^"]*)"/gu)].map((m) => analyzer.queryTerms(m[1]!)).filter((p) => p.length > 1);
}

/** Whether a matched token counts for a term: a form of it, or, where the page has none, a word it starts. */
const matchesTerm = (token: string, term: string, formed: ReadonlySet<string>) =>
  isFormOf(token, term) || (!formed.has(term) && [...term].length >= MIN_COMPLETION && startsWithTerm(token, term));

/** The terms with a form among the matched words of these sections (see ExcerptOptions.formed). */
export function formedTerms(sections: Iterable<Word[]>, at: ReadonlySet<number>, terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const words of sections) {
    for (const w of words) {
      if (w.token === '' || !at.has(w.position)) continue;
      for (const t of terms) if (!out.has(t) && isFormOf(w.token, t)) out.add(t);
    }
  }
  return out;
}

/** Marks the words where a quoted phrase stands whole, each of its words matched. */
function markPhrases(words: Word[], hits: boolean[], at: ReadonlySet<number>, phrases: readonly string[][]): void {
  const indexed = words.map((w, i) => [w, i] as const).filter(([w]) => w.token !== '');
  for (const phrase of phrases) {
    for (let k = 0; k + phrase.length <= indexed.length; k++) {
      const run = indexed.slice(k, k + phrase.length);
      if (run.every(([w], j) => at.has(w.position) && isFormOf(w.token, phrase[j]!))) for (const [, i] of run) hits[i] = true;
    }
  }
}

/**
 * Reads section `i` of a page: its words (`words`, when read already), the matches among them
 * (positions `at` that are forms of the query's terms, phrases, names) and its rank.
 */
export function readSection(page: PageData, i: number, analyzer: Analyzer, at: ReadonlySet<number>, { names = [], terms = [], phrases = [], formed }: Pick<ExcerptOptions, 'names' | 'terms' | 'phrases' | 'formed'> = {}, words?: Word[]): ReadSection {
  const [, , text, start] = page.s[i]!;
  words ??= sectionWords(text, start, analyzer);
  const hits = words.map((w) => w.token !== '' && at.has(w.position));
  if (terms.length) {
    const plain = functionWordsOf(analyzer);
    const unique = [...new Set(terms)];
    const content = unique.filter((t) => !plain.has(t));
    // A query of function words only ("the", «في») marks them; otherwise its content words are what matched.
    const counted = content.length ? content : unique;
    const has = formed ?? formedTerms([words], at, unique);
    hits.forEach((h, j) => h && !counted.some((t) => matchesTerm(words[j]!.token, t, has)) && (hits[j] = false));
    markPhrases(words, hits, at, phrases);
  }
  markNames(words, hits, names);
  const count = hits.filter(Boolean).length;
  const distinct = new Set(words.filter((_, j) => hits[j]).map((w) => w.token)).size;
  const adjacent = hits.filter((h, j) => h && hits[j + 1]).length;
  return { i, words, hits, rank: [distinct, adjacent, count] };
}

/** Whether a read section beats the best so far (the first read wins ties). */
export const beats = (read: ReadSection, best: ReadSection | undefined): boolean => !best || better(read.rank, best.rank);

/**
 * The best section for the matches and a window of about `size` words around its matches.
 * @param positions  Pagefind's match positions for this page
 */
export function buildExcerpt(page: PageData, analyzer: Analyzer, positions: Iterable<number>, options: ExcerptOptions = {}): Excerpt | undefined {
  const at = new Set(positions);
  const read = new Map(excerptSections(page, at, options).map((i) => [i, sectionWords(page.s[i]![2], page.s[i]![3], analyzer)] as const));
  const formed = options.formed ?? formedTerms(read.values(), at, options.terms ?? []);
  let best: ReadSection | undefined;
  for (const [i, words] of read) {
    const section = readSection(page, i, analyzer, at, { ...options, formed }, words);
    if (beats(section, best)) best = section;
  }
  return best && excerptOf(page, best, options);
}

/** The excerpt of a page's best section: the window holding the most matches, as written. */
export function excerptOf(page: PageData, best: ReadSection, { size = 30, opening = false }: Pick<ExcerptOptions, 'size' | 'opening'> = {}): Excerpt {
  const { words, hits } = best;
  // The window holding the most matches, opened a little before its first match.
  let from = 0;
  let most = -1;
  for (let s = 0; s < Math.max(1, words.length - size + 1); s++) {
    const n = hits.slice(s, s + size).filter(Boolean).length;
    if (n > most) {
      most = n;
      from = s;
    }
  }
  const first = hits.indexOf(true, from);
  if (opening) from = 0;
  else if (first >= 0) from = Math.max(0, Math.min(first - Math.floor(size / 4), words.length - size));
  const to = Math.min(words.length, from + size);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark && !mark) last.text += text;
    else if (text) parts.push({ text, mark });
  };
  if (from > 0) push('… ', false);
  for (let j = from; j < to; j++) {
    const w = words[j]!;
    if (hits[j]) {
      // Mark the letters; punctuation around them stays plain.
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(w.text)!;
      push(m[1]!, false);
      push(m[2]!, true);
      push(m[3]!, false);
    } else push(w.text, false);
    if (j < to - 1) push(w.after, false);
  }
  if (to < words.length) push(' …', false);
  const [anchor, heading] = page.s[best.i]!;
  return { anchor, heading, parts, matched: !opening && best.rank[2]! > 0 };
}

/**
 * Where a page's first section likely matches the query, without Pagefind: the positions of its
 * words whose token starts with a query term (Pagefind matches a query word by every word that
 * starts with it). Its stemming can match a little more or less; this is for an opening shown
 * before Pagefind answers (src/scripts/search/early-lead.ts), whose marks are then set to
 * Pagefind's, in place.
 */
export function openingPositions(page: PageData, analyzer: Analyzer, terms: readonly string[]): number[] {
  const first = page.s[0];
  if (!first || !terms.length) return [];
  return sectionWords(first[2], first[3], analyzer)
    .filter((w) => w.token !== '' && terms.some((t) => w.token.startsWith(t)))
    .map((w) => w.position);
}
