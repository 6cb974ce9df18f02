/**
 * Turns a search record into the HTML document Pagefind indexes. The indexed text is the
 * analysed form of every word (analyze.ts: normalised, names folded), in order: the title, a
 * topic page's own names, each section's text, then the names of the topics the page mentions
 * that its text does not already say (each once). Those names, in both languages and every listed
 * spelling, are what let `Turkey` find تركيا; a topic's own names weigh like a title, mentioned
 * ones little.
 *
 * What the search page shows travels in one metadata field of the page's fragment that Pagefind
 * is never given (DATA_META): the original title and sections, and where each section's words
 * start in the indexed text, so a match position maps back to the original words of its section.
 * The document carries it as plain JSON in HTML text; the index step takes that element out
 * before Pagefind sees the document and puts the JSON into the fragment itself.
 */
import { typeFilterValue } from './filter-values.ts';
import type { Analyzer } from './analyze.ts';
import type { RecordType, SearchRecord } from './records.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Element text needs no quote escaped: the display data's JSON keeps its quotes (splitDocument reads it up to its `</div>`, and `<` is escaped). */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Weights (Pagefind's 0–10 scale): a topic's own names count like its title. */
const OWN_NAMES_WEIGHT = 7;
const MENTIONED_NAMES_WEIGHT = 0.5;

/**
 * The metadata field of the display data. Pagefind never sees it: the index step takes it out of
 * the document and puts it into the page's fragment itself (strip-fragments.ts, splitDocument),
 * so none of its words enter the index.
 */
export const DATA_META = 'd';

/** The page's display data (metadata field DATA_META, kept from the index). */
export interface PageData {
  /** Title as written. */
  t: string;
  /** Type: b(riefing), s(ource), t(opic). */
  k: 'b' | 's' | 't';
  /** Briefing, source or topic id. */
  id: string;
  /** Sections: [anchor, heading, original text, position of its first indexed word]. */
  s: [anchor: string, heading: string, text: string, start: number][];
}

const KIND: Record<RecordType, PageData['k']> = { briefing: 'b', source: 's', topic: 't' };

/** A topic name's tokens, space-separated, per analyzer: the same few hundred names recur on every page. */
const nameCache = new WeakMap<Analyzer, Map<string, string>>();
function nameTokens(analyzer: Analyzer, name: string): string {
  let cache = nameCache.get(analyzer);
  if (!cache) nameCache.set(analyzer, (cache = new Map()));
  let tokens = cache.get(name);
  if (tokens === undefined) cache.set(name, (tokens = analyzer.tokens(name).join(' ')));
  return tokens;
}

/**
 * Whether a name (its tokens) occurs in the page's tokens as a run of consecutive tokens: what
 * searching the space-joined text for ` name ` finds (tokens are never empty and hold no
 * space), without scanning the whole text once per name.
 */
function saidIn(words: readonly string[]): (name: readonly string[]) => boolean {
  const starts = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = starts.get(word);
    if (list) list.push(i);
    else starts.set(word, [i]);
  });
  return (name) => (starts.get(name[0]!) ?? []).some((at) => name.every((word, k) => words[at + k] === word));
}

/**
 * @param ownNames  every name of the topic a topic page is about (both languages)
 * @param mentionedNames  every name of the other topics the page mentions or links to (documents.ts, indexedTopics)
 */
export function indexDocument(record: SearchRecord, analyzer: Analyzer, ownNames: string[], mentionedNames: string[]): string {
  const title = analyzer.tokens(record.title);
  /** Each name once, as tokens, leaving out those the text says (when `said` is given). */
  const names = (list: string[], said?: (name: string[]) => boolean) =>
    [...new Set(list.map((n) => nameTokens(analyzer, n)))].filter((n) => n && !said?.(n.split(' '))).flatMap((n) => n.split(' '));
  const own = names(ownNames);
  let at = title.length + own.length;
  const sections: PageData['s'] = [];
  const texts: string[] = [];
  const words = [...title];
  for (const s of record.sections) {
    const tokens = analyzer.tokens(s.text);
    if (!tokens.length) continue;
    sections.push([s.anchor, s.heading, s.text, at]);
    texts.push(tokens.join(' '));
    for (const token of tokens) words.push(token);
    at += tokens.length;
  }
  // Names the text already says in the same words add nothing.
  const mentioned = names(mentionedNames, saidIn(words));
  const data: PageData = { t: record.title, k: KIND[record.type], id: record.id, s: sections };
  return `<!doctype html><html lang="${record.lang}"><head><title></title></head><body>
<main data-pagefind-body>
<h1>${escape(title.join(' '))}</h1>
${own.length ? `<p data-pagefind-weight="${OWN_NAMES_WEIGHT}">${escape(own.join(' '))}</p>` : ''}
${texts.map((text) => `<p>${escape(text)}</p>`).join('\n')}
${mentioned.length ? `<p data-pagefind-weight="${MENTIONED_NAMES_WEIGHT}">${escape(mentioned.join(' '))}</p>` : ''}
</main>
<div data-pagefind-meta="${DATA_META}">${escapeText(JSON.stringify(data))}</div>
<div data-pagefind-filter="type">${escape(typeFilterValue(record.lang, record.type))}</div>
${record.outlets.map((n) => `<div data-pagefind-filter="outlet">${escape(n)}</div>`).join('')}
</body></html>`;
}
