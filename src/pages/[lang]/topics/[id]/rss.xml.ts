import type { APIContext } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import { topicFeed } from '../../../../lib/feeds/feeds.ts';
import { topicPaths } from '../../../../lib/topic-paths.ts';
import { rssResponse } from '../../../../lib/feeds/write.ts';
import { keyed } from '../../../../lib/corpus/keyed-paths.ts';

export const getStaticPaths = keyed(topicPaths);

/** RSS 2.0 for one topic: the briefings that mention it, newest first. */
export function GET(context: APIContext) {
  const { lang, id } = context.params as { lang: Lang; id: string };
  return rssResponse(topicFeed(lang, id, context.site ?? new URL('http://localhost/')));
}
