/**
 * Every value each search filter can take on a language's search page, known at build time, so
 * the page lists them without asking Pagefind: `pagefind.filters()` loads every filter index,
 * and once they are loaded Pagefind counts every filter value on each search, which at
 * thousands of pages costs seconds per query. The values are the ones index-document.ts writes.
 */
import { LOCALES, t, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { outletNames, type RecordType } from './records.ts';

type FilterKey = 'type' | 'topic' | 'outlet';

const TYPES: RecordType[] = ['briefing', 'source', 'topic'];

export function filterValues(corpus: Corpus, lang: Lang): Record<FilterKey, string[]> {
  const collator = new Intl.Collator(LOCALES[lang].intl);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(collator.compare);
  return {
    type: TYPES.map((type) => t(lang, `search.type.${type}`)),
    // Every topic page carries its own topic, so every topic's name is a value.
    topic: sorted([...corpus.topics.values()].map((topic) => topic.record.name[lang])),
    outlet: sorted(outletNames(corpus, lang, [...corpus.sources.keys()])),
  };
}
