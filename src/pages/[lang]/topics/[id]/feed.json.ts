import type { APIContext } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import { topicFeed } from '../../../../lib/feeds/feeds.ts';
import { topicPaths } from '../../../../lib/topic-paths.ts';
import { jsonFeedResponse } from '../../../../lib/feeds/write.ts';
import { keyed } from '../../../../lib/corpus/keyed-paths.ts';

export const getStaticPaths = keyed(topicPaths);

/** JSON Feed 1.1 for one topic: the briefings that mention it, newest first. */
export function GET(context: APIContext) {
  const { lang, id } = context.params as { lang: Lang; id: string };
  return jsonFeedResponse(topicFeed(lang, id, context.site ?? new URL('http://localhost/')));
}
