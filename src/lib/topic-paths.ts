/** Static paths of the per-topic routes (page and feeds): every topic in every language. */
import { LANGS, type Lang } from '../i18n/index.ts';
import { getCorpus } from './corpus/index.ts';

export function topicPaths(): { params: { lang: Lang; id: string } }[] {
  const ids = [...getCorpus().topics.keys()];
  return LANGS.flatMap((lang) => ids.map((id) => ({ params: { lang, id } })));
}
