import type { APIContext } from 'astro';
import { langPaths, type Lang } from '../../i18n/index.ts';
import { siteFeed } from '../../lib/feeds/feeds.ts';
import { rssResponse } from '../../lib/feeds/write.ts';
import { keyed } from '../../lib/corpus/keyed-paths.ts';

export const getStaticPaths = keyed(langPaths);

/** RSS 2.0: every briefing of the language, newest first. */
export function GET(context: APIContext) {
  return rssResponse(siteFeed(context.params.lang as Lang, context.site ?? new URL('http://localhost/')));
}
