import type { APIContext } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import { topicFeed } from '../../../../lib/feeds/feeds.ts';
import { topicPaths } from '../../../../lib/topic-paths.ts';
import { rssResponse } from '../../../../lib/feeds/write.ts';

export const getStaticPaths = topicPaths;

/** RSS 2.0 for one topic: the briefings that mention it, newest first. */
export function GET(context: APIContext) {
  const { lang, id } = context.params as { lang: Lang; id: string };
  return rssResponse(topicFeed(lang, id, context.site ?? new URL('http://localhost/')));
}
