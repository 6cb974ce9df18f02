/**
 * The one feed writer: a feed (site-wide or per topic) as RSS 2.0 and as JSON Feed 1.1, from the
 * same items. RSS items carry `<atom:updated>` and JSON items `date_modified` when a briefing has
 * been updated; the channel's dates come from content, never from the clock.
 */
import rss from '@astrojs/rss';
import { LOCALES, type Lang } from '../../i18n/index.ts';
import type { FeedItem } from './items.ts';

export interface Feed {
  lang: Lang;
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  homeUrl: string;
  /** Absolute URLs of the feed in each format. */
  rssUrl: string;
  jsonUrl: string;
  items: FeedItem[];
}

const ATOM = 'http://www.w3.org/2005/Atom';

/** The latest day any item was published or updated: the feed's own "last changed". */
export function feedUpdated(items: readonly FeedItem[]): Date | undefined {
  let latest: Date | undefined;
  for (const item of items) {
    for (const d of [item.published, item.updated]) if (d && (!latest || d > latest)) latest = d;
  }
  return latest;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rssResponse(feed: Feed): Promise<Response> {
  const updated = feedUpdated(feed.items);
  return rss({
    title: feed.title,
    description: feed.description,
    site: feed.homeUrl,
    xmlns: { atom: ATOM },
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      description: item.summary,
      content: item.contentHtml,
      pubDate: item.published,
      categories: item.tags,
      ...(item.updated && { customData: `<atom:updated>${item.updated.toISOString()}</atom:updated>` }),
    })),
    customData: [
      `<language>${LOCALES[feed.lang].lang}</language>`,
      `<atom:link href="${escapeXml(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
      updated ? `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    trailingSlash: true,
  });
}

export function jsonFeedResponse(feed: Feed): Response {
  const body = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    language: feed.lang,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published.toISOString(),
      ...(item.updated && { date_modified: item.updated.toISOString() }),
      tags: item.tags,
      language: feed.lang,
    })),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
