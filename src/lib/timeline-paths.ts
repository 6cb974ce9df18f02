/**
 * Static paths of the timeline's month pages (issue 16): `[...month]` is "2026-01" for a month's
 * first page and "2026-01/2" for the next. The same months and parts in every language
 * (corpus/timeline-pages.ts), so each page has its counterpart.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { getCorpus } from './corpus/index.ts';
import { timelineTopicPaths } from './topic-paths.ts';

/** The rest parameter of a month page. */
export const monthParam = (month: string, part: number): string => (part > 1 ? `${month}/${part}` : month);

/** A month page's month and part from its rest parameter. */
export function parseMonthParam(param: string): { month: string; part: number } {
  const [month = '', part] = param.split('/');
  return { month, part: part ? Number(part) : 1 };
}

function pathsOf(lang: Lang, topic: string | null): string[] {
  return getCorpus().timelineMonths(lang, topic).flatMap((m) => Array.from({ length: m.parts }, (_, i) => monthParam(m.month, i + 1)));
}

/** `{ lang, month }` of every month page of the whole timeline. */
export function timelineMonthPaths(): { params: { lang: Lang; month: string } }[] {
  return LANGS.flatMap((lang) => pathsOf(lang, null).map((month) => ({ params: { lang, month } })));
}

/** `{ lang, id, month }` of every month page of each topic's timeline. */
export function timelineTopicMonthPaths(): { params: { lang: Lang; id: string; month: string } }[] {
  return timelineTopicPaths().flatMap(({ params: { lang, id } }) => pathsOf(lang, id).map((month) => ({ params: { lang, id, month } })));
}
