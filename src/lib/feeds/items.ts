/** Feed entries (RSS and JSON Feed) for a list of briefings, newest first, dates from content only. */
import { LOCALES, t, type Lang } from '../../i18n/index.ts';
import { getCorpus, type Briefing } from '../corpus/index.ts';
import { lastUpdated } from '../corpus/updates.ts';
import { formatPartialDate, startOf } from '../dates.ts';
import { escapeHtml } from '../html.ts';
import { absoluteUrl, href } from '../urls.ts';

/** How many of the newest briefings a feed carries. */
export const FEED_LENGTH = 50;

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  /** The day of the latest update, when the briefing has been updated. */
  updated: Date | undefined;
  tags: string[];
}

/** One item per briefing (the first FEED_LENGTH of a newest-first list): dek, key points, update log. */
export function feedItems(lang: Lang, site: URL, briefings: readonly Briefing[]): FeedItem[] {
  const corpus = getCorpus();
  // Feed readers need the recent items, not the archive.
  return briefings.slice(0, FEED_LENGTH).map((b) => {
    const url = absoluteUrl(href.briefing(lang, b.id), site);
    const updated = lastUpdated(b);
    return {
      id: url,
      url,
      title: b.data.title,
      summary: b.data.dek,
      contentHtml: contentHtml(lang, site, b),
      published: startOf(b.data.date),
      updated: updated ? startOf(updated) : undefined,
      // Read through the corpus on each page: what a page reads is what its cache key is made of.
      tags: b.data.topics.map((id) => corpus.topics.get(id)?.record.name[lang] ?? id),
    };
  });
}

/**
 * An item's body: made from the briefing alone, so made once per briefing, language and site.
 * A briefing is an item of its language's feeds and of each of its topics' feeds, in RSS and in
 * JSON Feed: at 1,000 sources 12,900 items of 4,100 bodies. The cache is keyed by the
 * briefing's record, which a build never changes (as content-hash.ts's), and a page gets the
 * record through what it read from the corpus (src/lib/corpus/page-deps.ts).
 */
const bodies = new WeakMap<Briefing, Map<string, string>>();

function contentHtml(lang: Lang, site: URL, b: Briefing): string {
  let byKey = bodies.get(b);
  if (!byKey) bodies.set(b, (byKey = new Map()));
  const key = `${lang} ${site.href}`;
  let html = byKey.get(key);
  if (html === undefined) {
    const points = b.keyPoints.map((p) => `<li>${p.html}</li>`).join('');
    const log = b.updates.length
      ? `<h2>${escapeHtml(t(lang, 'updates.title'))}</h2><ul>${b.updates.map((u) => `<li><time datetime="${u.date}">${escapeHtml(formatPartialDate(u.date, LOCALES[lang].intl))}</time>: ${u.html}</li>`).join('')}</ul>`
      : '';
    // Relative links in feed readers resolve against the feed, so make them absolute.
    html = `<p>${escapeHtml(b.data.dek)}</p><h2>${escapeHtml(t(lang, 'briefing.keyPoints'))}</h2><ol>${points}</ol>${log}`.replace(
      /href="(\/[^"]*)"/g,
      (_, path: string) => `href="${absoluteUrl(path, site)}"`,
    );
    byKey.set(key, html);
  }
  return html;
}
