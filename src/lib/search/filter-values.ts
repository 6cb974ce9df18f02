/**
 * Every value each search filter can take on a language's search page, known at build time, so
 * the page lists them without asking Pagefind (`pagefind.filters()` loads every filter index,
 * and once they are loaded Pagefind counts every filter value on each search).
 * - type and outlet are Pagefind filters: index-document.ts writes each page's values with the
 *   same helpers, so the two cannot drift apart;
 * - topic is the search page's own filter, from per-topic page lists (write-index.ts): pages
 *   carry dozens of topics, and Pagefind counting them all on every search cost seconds per query
 *   at thousands of pages. Its option values are topic ids.
 */
import { LOCALES, t, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { outletNames, type RecordType } from './records.ts';

export type FilterKey = 'type' | 'topic' | 'outlet';

export interface FilterOption {
  value: string;
  label: string;
}

const TYPES: RecordType[] = ['briefing', 'source', 'topic'];

/** The type filter's value for a page of this type. */
export const typeFilterValue = (lang: Lang, type: RecordType) => t(lang, `search.type.${type}`);

export function filterOptions(corpus: Corpus, lang: Lang): Record<FilterKey, FilterOption[]> {
  const collator = new Intl.Collator(LOCALES[lang].intl);
  const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);
  const same = (v: string) => ({ value: v, label: v });
  return {
    type: TYPES.map((type) => same(typeFilterValue(lang, type))),
    topic: [...corpus.topics.values()].map((topic) => ({ value: topic.id, label: topic.record.name[lang] })).sort(byLabel),
    outlet: [...new Set(outletNames(corpus, lang, [...corpus.sources.keys()]))].map(same).sort(byLabel),
  };
}
