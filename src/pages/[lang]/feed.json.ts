import type { APIContext } from 'astro';
import { langPaths, t, type Lang } from '../../i18n/index.ts';
import { feedItems } from '../../lib/feeds/items.ts';
import { absoluteUrl, href } from '../../lib/urls.ts';

export const getStaticPaths = langPaths;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function GET(context: APIContext) {
  const lang = context.params.lang as Lang;
  const site = context.site ?? new URL('http://localhost/');
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: t(lang, 'feed.title'),
    description: t(lang, 'site.description'),
    home_page_url: absoluteUrl(href.home(lang), site),
    feed_url: absoluteUrl(href.jsonFeed(lang), site),
    language: lang,
    items: feedItems(lang, site).map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published.toISOString(),
      tags: item.tags,
      language: lang,
    })),
  };
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
