import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BUILDS, isFrameDocument, readSite } from '../helpers/site.ts';
import { LANGS } from '../../src/i18n/locales.ts';
import { FEED_LENGTH } from '../../src/lib/feeds/items.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe.each(BUILDS)('feeds and sitemap in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);
  const briefings = (lang: string) => [...site.pages.keys()].filter((p) => p.startsWith(`/${lang}/briefings/`));

  it.each(LANGS)('RSS for %s parses and lists every briefing', (lang) => {
    const rss = xml.parse(readFileSync(join(dir, lang, 'rss.xml'), 'utf8'));
    const items = asArray(rss.rss.channel.item) as { link: string; pubDate: string }[];
    expect(items).toHaveLength(Math.min(FEED_LENGTH, briefings(lang).length));
    for (const item of items) {
      expect(new URL(item.link).pathname.startsWith(`${base}${lang}/briefings/`)).toBe(true);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  it.each(LANGS)('JSON Feed for %s is valid 1.1 with absolute URLs', (lang) => {
    const feed = JSON.parse(readFileSync(join(dir, lang, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe(lang);
    expect(feed.items).toHaveLength(Math.min(FEED_LENGTH, briefings(lang).length));
    for (const item of feed.items) {
      expect(site.fileFor(new URL(item.url).pathname)).toBeDefined();
      expect(item.content_html).not.toMatch(/href="\//);
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
