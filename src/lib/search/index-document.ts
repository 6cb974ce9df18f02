/**
 * Turns a search record into the HTML document Pagefind indexes. The indexed text is the
 * normalised form (see normalize.ts), so Pagefind matches spelling variants and clitics; the
 * original spelling travels in metadata, from which the search page builds excerpts and
 * highlights. Topic names and aliases in both languages are added (weighted) so a name in
 * either language or any spelling finds the topic and the pages that mention it.
 */
import type { Corpus } from '../corpus/index.ts';
import { topicFilterValues, typeFilterValue } from './filter-values.ts';
import { normalizeText } from './normalize.ts';
import type { SearchRecord } from './records.ts';
import type { TopicNames } from './aliases.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Weights (Pagefind's 0–10 scale): a topic's own names count like its title. */
const OWN_NAMES_WEIGHT = 7;
const MENTIONED_NAMES_WEIGHT = 0.5;

export interface SearchMeta {
  title: string;
  type: string;
  /** JSON: [anchor, heading, original text][] */
  sections: string;
}

export function indexDocument(record: SearchRecord, mentioned: Set<string>, names: Map<string, TopicNames>, corpus: Corpus): string {
  const { lang } = record;
  const typeLabel = typeFilterValue(lang, record.type);
  const aliases = (ids: Iterable<string>) => normalizeText([...ids].flatMap((id) => names.get(id)?.all ?? []).join(' '));
  const others = [...mentioned].filter((id) => id !== record.ownTopic);
  const topicFilters = topicFilterValues(corpus, lang, new Set([...record.topics, ...mentioned])).sort();
  const sections = JSON.stringify(record.sections.map((s) => [s.anchor, s.heading, s.text]));
  return `<!doctype html><html lang="${lang}"><head><title>${escape(record.title)}</title></head><body>
<main data-pagefind-body>
<h1>${escape(normalizeText(record.title))}</h1>
${record.ownTopic ? `<p data-pagefind-weight="${OWN_NAMES_WEIGHT}">${escape(aliases([record.ownTopic]))}</p>` : ''}
${record.sections.map((s) => `<section>${s.heading ? `<h2${s.anchor ? ` id="${escape(s.anchor)}"` : ''}>${escape(normalizeText(s.heading))}</h2>` : ''}<p>${escape(normalizeText(s.text))}</p></section>`).join('\n')}
${others.length ? `<p data-pagefind-weight="${MENTIONED_NAMES_WEIGHT}">${escape(aliases(others))}</p>` : ''}
</main>
<div data-pagefind-meta="title">${escape(record.title)}</div>
<div data-pagefind-meta="type">${escape(record.type)}</div>
<div data-pagefind-meta="sections">${escape(sections)}</div>
<div data-pagefind-filter="type">${escape(typeLabel)}</div>
${topicFilters.map((n) => `<div data-pagefind-filter="topic">${escape(n)}</div>`).join('')}
${record.outlets.map((n) => `<div data-pagefind-filter="outlet">${escape(n)}</div>`).join('')}
</body></html>`;
}
