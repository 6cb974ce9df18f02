/**
 * Every internal URL of the site, built in one place so the configurable `base` applies to all
 * links, assets, feeds and sitemap entries. Outside Astro (scripts, tests) the base is "/".
 */
import type { Lang } from '../i18n/locales.ts';
import { sharedSlot } from './shared-state.ts';

const baseSlot = sharedSlot<string>('__briefingsBase');

/**
 * Records the configured base for code Astro runs outside its bundle: an integration that reads
 * the corpus before the pages are rendered (src/integrations/editor-loop.ts) shares it with them,
 * so its links must carry the base too.
 */
export function setConfiguredBase(base: string): void {
  baseSlot.set(base);
}

function configuredBase(): string {
  const env = (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env;
  return baseSlot.get() ?? env?.BASE_URL ?? '/';
}

/** Prefixes a root-relative path ("/en/") with the site's base ("/briefings/en/"). */
export function withBase(path: string, base = configuredBase()): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/** Root-relative paths (without base) of every page type; `href()` adds the base. */
export const routes = {
  home: (lang: Lang) => `/${lang}/`,
  briefings: (lang: Lang) => `/${lang}/briefings/`,
  briefing: (lang: Lang, id: string) => `/${lang}/briefings/${id}/`,
  sources: (lang: Lang) => `/${lang}/sources/`,
  source: (lang: Lang, id: string) => `/${lang}/sources/${id}/`,
  /**
   * A source's citation preview document (src/views/SourcePreviewView.astro), part of the pages
   * that cite it, not a page. Its address ends in the source's id, as the citation link's does
   * (`/ar/sources/<id>/#p5`, `/ar/previews/<id>/#p5`), so the two compress together: one
   * hundred frames on the Arabic overview cost 0.1 KB gzip less than with `/sources/<id>/preview/`.
   */
  preview: (lang: Lang, id: string) => `/${lang}/previews/${id}/`,
  topics: (lang: Lang) => `/${lang}/topics/`,
  topic: (lang: Lang, id: string) => `/${lang}/topics/${id}/`,
  timeline: (lang: Lang) => `/${lang}/timeline/`,
  timelineOldest: (lang: Lang) => `/${lang}/timeline/oldest/`,
  /** The timeline of one topic's events (only topics with events have one). */
  timelineTopic: (lang: Lang, id: string, order: 'newest' | 'oldest' = 'newest') => `/${lang}/timeline/topics/${id}/${order === 'oldest' ? 'oldest/' : ''}`,
  /** A timeline's first page in either order: the whole timeline's, or with `topic` that topic's. */
  timelineStart: (lang: Lang, topic?: string | null, order: 'newest' | 'oldest' = 'newest') => (topic ? routes.timelineTopic(lang, topic, order) : order === 'oldest' ? routes.timelineOldest(lang) : routes.timeline(lang)),
  /**
   * One month of the timeline (of one topic's events with `topic`), a stable address to cite:
   * `/en/timeline/2026-01/`; a month too long for one page goes on at `/en/timeline/2026-01/2/`.
   */
  timelineMonth: (lang: Lang, month: string, part = 1, topic?: string | null) => `/${lang}/timeline/${topic ? `topics/${topic}/` : ''}${month}/${part > 1 ? `${part}/` : ''}`,
  search: (lang: Lang) => `/${lang}/search/`,
  about: (lang: Lang) => `/${lang}/about/`,
  rss: (lang: Lang) => `/${lang}/rss.xml`,
  jsonFeed: (lang: Lang) => `/${lang}/feed.json`,
  topicRss: (lang: Lang, id: string) => `/${lang}/topics/${id}/rss.xml`,
  topicJsonFeed: (lang: Lang, id: string) => `/${lang}/topics/${id}/feed.json`,
  /** The language's Pagefind bundle (src/lib/search/write-index.ts), loaded by the search page. */
  searchBundle: (lang: Lang) => `/pagefind/${lang}/`,
};

export const href = {
  home: (lang: Lang) => withBase(routes.home(lang)),
  briefings: (lang: Lang) => withBase(routes.briefings(lang)),
  briefing: (lang: Lang, id: string) => withBase(routes.briefing(lang, id)),
  sources: (lang: Lang) => withBase(routes.sources(lang)),
  source: (lang: Lang, id: string) => withBase(routes.source(lang, id)),
  paragraph: (lang: Lang, id: string, n: number) => `${withBase(routes.source(lang, id))}#p${n}`,
  /** Why a source's date is estimated: the note in its page's provenance strip (opens on arrival). */
  dateNote: (lang: Lang, id: string) => `${withBase(routes.source(lang, id))}#date-note`,
  preview: (lang: Lang, id: string) => withBase(routes.preview(lang, id)),
  topics: (lang: Lang) => withBase(routes.topics(lang)),
  topic: (lang: Lang, id: string) => withBase(routes.topic(lang, id)),
  timeline: (lang: Lang) => withBase(routes.timeline(lang)),
  timelineOldest: (lang: Lang) => withBase(routes.timelineOldest(lang)),
  timelineTopic: (lang: Lang, id: string, order: 'newest' | 'oldest' = 'newest') => withBase(routes.timelineTopic(lang, id, order)),
  timelineStart: (lang: Lang, topic?: string | null, order: 'newest' | 'oldest' = 'newest') => withBase(routes.timelineStart(lang, topic, order)),
  timelineMonth: (lang: Lang, month: string, part = 1, topic?: string | null) => withBase(routes.timelineMonth(lang, month, part, topic)),
  search: (lang: Lang) => withBase(routes.search(lang)),
  about: (lang: Lang) => withBase(routes.about(lang)),
  /** The About page's account of how dates are worked out (estimated event dates, among others). */
  aboutDates: (lang: Lang) => `${withBase(routes.about(lang))}#dates`,
  rss: (lang: Lang) => withBase(routes.rss(lang)),
  jsonFeed: (lang: Lang) => withBase(routes.jsonFeed(lang)),
  topicRss: (lang: Lang, id: string) => withBase(routes.topicRss(lang, id)),
  topicJsonFeed: (lang: Lang, id: string) => withBase(routes.topicJsonFeed(lang, id)),
};

/**
 * The same page in another language: swaps the leading language segment of a root-relative
 * path. Every page exists in every language with the same ids, so this is always a real page.
 */
export function counterpartPath(path: string, to: Lang): string {
  return path.replace(/^\/(ar|en)(?=\/|$)/, `/${to}`);
}

/** Absolute URL for feeds, canonical links and the sitemap. */
export function absoluteUrl(pathWithBase: string, site: string | URL): string {
  return new URL(pathWithBase, site).href;
}

/** Whether a path or URL (with or without base) is a citation preview document, not a page. */
export const isPreviewPath = (path: string): boolean => /\/(?:ar|en)\/previews\/[^/]+\/$/.test(path);
