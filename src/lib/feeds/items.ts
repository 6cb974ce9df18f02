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
    const points = b.keyPoints.map((p) => `<li>${p.html}</li>`).join('');
    const updated = lastUpdated(b);
    const log = b.updates.length
      ? `<h2>${escapeHtml(t(lang, 'updates.title'))}</h2><ul>${b.updates.map((u) => `<li><time datetime="${u.date}">${escapeHtml(formatPartialDate(u.date, LOCALES[lang].intl))}</time>: ${u.html}</li>`).join('')}</ul>`
      : '';
    return {
      id: url,
      url,
      title: b.data.title,
      summary: b.data.dek,
      // Relative links in feed readers resolve against the feed, so make them absolute.
      contentHtml: `<p>${escapeHtml(b.data.dek)}</p><h2>${escapeHtml(t(lang, 'briefing.keyPoints'))}</h2><ol>${points}</ol>${log}`.replace(
        /href="(\/[^"]*)"/g,
        (_, path: string) => `href="${absoluteUrl(path, site)}"`,
      ),
      published: startOf(b.data.date),
      updated: updated ? startOf(updated) : undefined,
      tags: b.data.topics.map((id) => corpus.topics.get(id)?.record.name[lang] ?? id),
    };
  });
}
