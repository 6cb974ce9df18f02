/** Static paths of the per-topic routes. */
import { LANGS, type Lang } from '../i18n/index.ts';
import { getCorpus } from './corpus/index.ts';

/** The topic page and its feeds: every topic in every language. */
export function topicPaths(): { params: { lang: Lang; id: string } }[] {
  const ids = [...getCorpus().topics.keys()];
  return LANGS.flatMap((lang) => ids.map((id) => ({ params: { lang, id } })));
}

/**
 * Static paths of the topic-filtered timeline: the topics with dated events in any language, in
 * every language (a translation that lags behind then shows an empty timeline, not a dead
 * language link).
 */
export function timelineTopicPaths(): { params: { lang: Lang; id: string } }[] {
  const corpus = getCorpus();
  const ids = new Set(LANGS.flatMap((lang) => corpus.timelineTopics(lang).map((x) => x.id)));
  return LANGS.flatMap((lang) => [...ids].sort().map((id) => ({ params: { lang, id } })));
}
