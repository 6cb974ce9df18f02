/** Feed entries (RSS and JSON Feed) for one language, newest first, dates from content only. */
import { t, type Lang } from '../../i18n/index.ts';
import { getCorpus } from '../corpus/index.ts';
import { startOf } from '../dates.ts';
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
  tags: string[];
}

export function feedItems(lang: Lang, site: URL): FeedItem[] {
  const corpus = getCorpus();
  // Feed readers need the recent items, not the archive.
  return corpus.briefings[lang].slice(0, FEED_LENGTH).map((b) => {
    const url = absoluteUrl(href.briefing(lang, b.id), site);
    const points = b.keyPoints.map((p) => `<li>${p.html}</li>`).join('');
    return {
      id: url,
      url,
      title: b.data.title,
      summary: b.data.dek,
      // Relative links in feed readers resolve against the feed, so make them absolute.
      contentHtml: `<p>${escapeHtml(b.data.dek)}</p><h2>${escapeHtml(t(lang, 'briefing.keyPoints'))}</h2><ol>${points}</ol>`.replace(
        /href="(\/[^"]*)"/g,
        (_, path: string) => `href="${absoluteUrl(path, site)}"`,
      ),
      published: startOf(b.data.date),
      tags: b.data.topics.map((id) => corpus.topics.get(id)?.record.name[lang] ?? id),
    };
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
