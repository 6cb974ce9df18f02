/**
 * Every value each search filter can take on a language's search page, known at build time, so
 * the page lists them without asking Pagefind: `pagefind.filters()` loads every filter index,
 * and once they are loaded Pagefind counts every filter value on each search, which at
 * thousands of pages costs seconds per query. index-document.ts writes each page's values with
 * the same helpers, so the two cannot drift apart.
 */
import { LOCALES, t, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { outletNames, type RecordType } from './records.ts';

type FilterKey = 'type' | 'topic' | 'outlet';

const TYPES: RecordType[] = ['briefing', 'source', 'topic'];

/** The type filter's value for a page of this type. */
export const typeFilterValue = (lang: Lang, type: RecordType) => t(lang, `search.type.${type}`);

/** The topic filter's values for these topic ids (unknown ids are skipped). */
export function topicFilterValues(corpus: Corpus, lang: Lang, ids: Iterable<string>): string[] {
  return [...ids].map((id) => corpus.topics.get(id)?.record.name[lang]).filter((n): n is string => Boolean(n));
}

export function filterValues(corpus: Corpus, lang: Lang): Record<FilterKey, string[]> {
  const collator = new Intl.Collator(LOCALES[lang].intl);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(collator.compare);
  return {
    type: TYPES.map((type) => typeFilterValue(lang, type)),
    // Every topic page carries its own topic, so every topic's name is a value.
    topic: sorted(topicFilterValues(corpus, lang, corpus.topics.keys())),
    outlet: sorted(outletNames(corpus, lang, [...corpus.sources.keys()])),
  };
}
