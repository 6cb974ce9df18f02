/** The site's feeds: one per language (every briefing) and one per topic and language. */
import { t, type Lang } from '../../i18n/index.ts';
import { getCorpus } from '../corpus/index.ts';
import { absoluteUrl, href } from '../urls.ts';
import { feedItems } from './items.ts';
import type { Feed } from './write.ts';

export function siteFeed(lang: Lang, site: URL): Feed {
  return {
    lang,
    title: t(lang, 'feed.title'),
    description: t(lang, 'site.description'),
    homeUrl: absoluteUrl(href.home(lang), site),
    rssUrl: absoluteUrl(href.rss(lang), site),
    jsonUrl: absoluteUrl(href.jsonFeed(lang), site),
    items: feedItems(lang, site, getCorpus().briefings[lang]),
  };
}

/** Briefings that mention the topic, newest first (the topic page's "mentions" list). */
export function topicFeed(lang: Lang, id: string, site: URL): Feed {
  const corpus = getCorpus();
  const name = corpus.topics.get(id)!.record.name[lang];
  return {
    lang,
    title: t(lang, 'feed.topicTitle', { topic: name }),
    description: t(lang, 'feed.topicDescription', { topic: name }),
    homeUrl: absoluteUrl(href.topic(lang, id), site),
    rssUrl: absoluteUrl(href.topicRss(lang, id), site),
    jsonUrl: absoluteUrl(href.topicJsonFeed(lang, id), site),
    items: feedItems(lang, site, corpus.mentioning(lang, id)),
  };
}
