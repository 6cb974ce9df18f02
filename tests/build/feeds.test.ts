/**
 * Every feed of a build, parsed with feedsmith (a maintained feed parser, not patterns): the
 * site feeds and one RSS 2.0 and JSON Feed 1.1 per topic and language, at the domain root and
 * under a sub-path. Items are the briefings that mention the topic, newest first, each with its
 * key points; every URL resolves to a file of the build; topic pages announce their feeds with
 * <link rel="alternate"> and show a visible follow link. Also the sitemap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BUILDS, isFrameDocument, readSite, type BuiltSite } from '../helpers/site.ts';
import { LANGS, type Lang } from '../../src/i18n/locales.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { lastUpdated } from '../../src/lib/corpus/updates.ts';
import { FEED_LENGTH } from '../../src/lib/feeds/items.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const corpus = loadCorpus().corpus!;

interface Expected { title: string; page: string; briefings: string[] }

/** What a feed must hold: the briefings (ids, newest first) and the page it follows. */
function expected(lang: Lang, topic?: string): Expected {
  const list = topic ? corpus.mentioning(lang, topic) : corpus.briefings[lang];
  return {
    title: topic ? corpus.topics.get(topic)!.record.name[lang] : '',
    page: topic ? `${lang}/topics/${topic}/` : `${lang}/`,
    briefings: list.slice(0, FEED_LENGTH).map((b) => b.id),
  };
}

/** Checks an item's content: the dek, then the key points as a list, with absolute links that resolve. */
function checkContent(site: BuiltSite, lang: Lang, id: string, html: string | undefined): void {
  const briefing = corpus.briefing(lang, id)!;
  const doc = parse(html ?? '');
  expect(doc.querySelector('p')?.text).toBe(briefing.data.dek);
  expect(doc.querySelectorAll('ol > li')).toHaveLength(briefing.keyPoints.length);
  for (const a of doc.querySelectorAll('a[href]')) {
    const url = new URL(a.getAttribute('href')!);
    expect(site.fileFor(url.pathname), url.href).toBeDefined();
  }
}

function checkRss(site: BuiltSite, lang: Lang, file: string, want: Expected): void {
  const text = readFileSync(file, 'utf8');
  expect(parseFeed(text).format).toBe('rss');
  const feed = parseRssFeed(text);
  expect(feed.title).toContain(want.title);
  expect(feed.description?.length).toBeGreaterThan(10);
  expect(feed.language).toBe(lang);
  expect(new URL(feed.link!).pathname).toBe(`${site.base}${want.page}`);
  const self = feed.atom?.links?.find((l) => l.rel === 'self');
  expect(self?.type).toBe('application/rss+xml');
  expect(site.fileFor(new URL(self!.href!).pathname)).toBe(file);
  const items = feed.items ?? [];
  expect(items.map((i) => new URL(i.link!).pathname)).toEqual(want.briefings.map((id) => `${site.base}${lang}/briefings/${id}/`));
  const dates = items.map((i) => Date.parse(i.pubDate!));
  expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  items.forEach((item, i) => {
    const id = want.briefings[i]!;
    expect(item.guid?.value).toBe(item.link);
    expect(item.title).toBe(corpus.briefing(lang, id)!.data.title);
    checkContent(site, lang, id, item.content?.encoded);
    const updated = lastUpdated(corpus.briefing(lang, id)!);
    expect(item.atom?.updated).toBe(updated ? `${updated}T00:00:00.000Z` : undefined);
  });
}

function checkJson(site: BuiltSite, lang: Lang, file: string, want: Expected): void {
  const text = readFileSync(file, 'utf8');
  expect(parseFeed(text).format).toBe('json');
  const raw = JSON.parse(text) as { version: string };
  expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
  const feed = parseJsonFeed(text);
  expect(feed.title).toContain(want.title);
  expect(feed.language).toBe(lang);
  expect(new URL(feed.home_page_url!).pathname).toBe(`${site.base}${want.page}`);
  expect(site.fileFor(new URL(feed.feed_url!).pathname)).toBe(file);
  const items = feed.items ?? [];
  expect(items.map((i) => new URL(i.url!).pathname)).toEqual(want.briefings.map((id) => `${site.base}${lang}/briefings/${id}/`));
  const dates = items.map((i) => Date.parse(i.date_published!));
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  items.forEach((item, i) => {
    const id = want.briefings[i]!;
    expect(item.id).toBe(item.url);
    checkContent(site, lang, id, item.content_html);
    const updated = lastUpdated(corpus.briefing(lang, id)!);
    expect(item.date_modified).toBe(updated ? `${updated}T00:00:00.000Z` : undefined);
  });
}

describe.each(BUILDS)('feeds and sitemap in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);

  it.each(LANGS)('the %s site feeds (RSS 2.0 and JSON Feed 1.1) parse and list the newest briefings', (lang) => {
    checkRss(site, lang, join(dir, lang, 'rss.xml'), expected(lang));
    checkJson(site, lang, join(dir, lang, 'feed.json'), expected(lang));
  });

  it.each(LANGS)('every %s topic has an RSS and a JSON feed of the briefings that mention it', (lang) => {
    let withItems = 0;
    for (const id of corpus.topics.keys()) {
      const want = expected(lang, id);
      checkRss(site, lang, join(dir, lang, 'topics', id, 'rss.xml'), want);
      checkJson(site, lang, join(dir, lang, 'topics', id, 'feed.json'), want);
      if (want.briefings.length > 1) withItems++;
    }
    // The corpus has topics mentioned by several briefings, so ordering is really exercised.
    expect(withItems).toBeGreaterThan(5);
  });

  it.each(LANGS)('%s topic pages announce their feeds first and show a follow link', (lang) => {
    for (const id of corpus.topics.keys()) {
      const page = site.pages.get(`/${lang}/topics/${id}/`)!;
      const alternates = page.querySelectorAll('link[rel="alternate"][type]');
      const rss = `${base}${lang}/topics/${id}/rss.xml`;
      const json = `${base}${lang}/topics/${id}/feed.json`;
      expect(alternates.slice(0, 2).map((l) => [l.getAttribute('type'), l.getAttribute('href')])).toEqual([['application/rss+xml', rss], ['application/feed+json', json]]);
      expect(alternates[0]!.getAttribute('title')).toContain(corpus.topics.get(id)!.record.name[lang]);
      const visible = page.querySelectorAll('main a[href]').map((a) => a.getAttribute('href'));
      expect(visible).toContain(rss);
      expect(visible).toContain(json);
    }
  });

  it('sitemap index and sitemaps parse; every URL exists, with alternates', () => {
    const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'));
    const maps = asArray(index.sitemapindex.sitemap) as { loc: string }[];
    expect(maps.length).toBeGreaterThan(0);
    let count = 0;
    for (const map of maps) {
      const file = site.fileFor(new URL(map.loc).pathname)!;
      const urls = asArray(xml.parse(readFileSync(file, 'utf8')).urlset.url) as { loc: string; 'xhtml:link'?: unknown }[];
      for (const url of urls) {
        expect(site.fileFor(new URL(url.loc).pathname), url.loc).toBeDefined();
        if (new URL(url.loc).pathname !== base) expect(asArray(url['xhtml:link']).length, url.loc).toBe(2);
        count++;
      }
    }
    // Every page but the 404, and no preview frame document.
    expect(count).toBe([...site.pages.keys()].filter((p) => !isFrameDocument(p)).length - 1);
  });
});
