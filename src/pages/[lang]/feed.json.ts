import type { APIContext } from 'astro';
import { langPaths, type Lang } from '../../i18n/index.ts';
import { siteFeed } from '../../lib/feeds/feeds.ts';
import { jsonFeedResponse } from '../../lib/feeds/write.ts';
import { keyed } from '../../lib/corpus/keyed-paths.ts';

export const getStaticPaths = keyed(langPaths);

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): every briefing of the language, newest first. */
export function GET(context: APIContext) {
  return jsonFeedResponse(siteFeed(context.params.lang as Lang, context.site ?? new URL('http://localhost/')));
}
