import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, readSite } from '../helpers/site.ts';
import { TOPIC_TYPES } from '../../src/lib/structured-data.ts';
import { t, type Lang } from '../../src/i18n/index.ts';
import type { HTMLElement } from 'node-html-parser';

type Node = Record<string, any>;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Every JSON-LD object of a page, parsed (a parse error fails the test naming the page). */
function jsonLd(page: HTMLElement, path: string): Node[] {
  return page.querySelectorAll('script[type="application/ld+json"]').map((s) => {
    try {
      return JSON.parse(s.textContent) as Node;
    } catch (error) {
      throw new Error(`${path}: JSON-LD does not parse: ${String(error)}`);
    }
  });
}

describe.each(BUILDS)('structured data and robots.txt in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);
  const paths = [...site.pages.keys()];
  const kind = (p: string) => /^\/(ar|en)\/(briefings|sources|topics)\/[^/]+\/$/.exec(p)?.[2];
  const canonical = (p: string) => site.pages.get(p)!.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
  /** The one node of the page an `@id` (page URL + fragment) belongs to. */
  const nodeOf = (id: string) => {
    const path = new URL(id).pathname.slice(base.length - 1);
    const page = site.pages.get(path);
    return page ? jsonLd(page, path)[0] : undefined;
  };

  it('every page\'s JSON-LD parses, uses schema.org and stays inside its element', () => {
    for (const path of paths) {
      const html = readFileSync(site.fileFor(`${base}${path.slice(1)}`.replace(/\/$/, '/index.html'))!, 'utf8');
      for (const node of jsonLd(site.pages.get(path)!, path)) {
        expect(node['@context'], path).toBe('https://schema.org');
        expect(typeof node['@type'], path).toBe('string');
      }
      // The serialiser escapes "<", so content can never end the script element early.
      for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(m[1], path).not.toContain('<');
    }
  });

  it('briefings, sources and topics each carry exactly one node about the page itself', () => {
    for (const path of paths.filter(kind)) {
      const nodes = jsonLd(site.pages.get(path)!, path);
      expect(nodes, path).toHaveLength(1);
      expect(nodes[0]!.url, path).toBe(canonical(path));
      expect(nodes[0]!['@id'], path).toMatch(new RegExp(`^${canonical(path)}#`));
    }
  });

  it('a briefing is an Article with headline, description, language, date, publisher, sources and topics', () => {
    for (const path of paths.filter((p) => kind(p) === 'briefings')) {
      const page = site.pages.get(path)!;
      const lang = path.split('/')[1];
      const [article] = jsonLd(page, path) as [Node];
      expect(article['@type'], path).toBe('Article');
      expect(article.headline, path).toBe(page.querySelector('h1')!.textContent.trim());
      expect(article.description, path).toBe(page.querySelector('meta[name="description"]')!.getAttribute('content'));
      expect(article.inLanguage, path).toBe(lang);
      expect(article.datePublished, path).toMatch(ISO_DATE);
      if (article.dateModified !== undefined) expect(article.dateModified > article.datePublished, path).toBe(true);
      expect(article.publisher?.name, path).toBeTruthy();
      expect(article.image, path).toMatch(/\.png$/);
      // isBasedOn and about point at the nodes their own pages describe.
      expect(article.isBasedOn.length, path).toBeGreaterThan(0);
      for (const source of article.isBasedOn) expect(nodeOf(source['@id'])?.['@id'], `${path} → ${source['@id']}`).toBe(source['@id']);
      expect(article.about.length, path).toBe(page.querySelectorAll('aside .chips a').length);
      for (const topic of article.about) {
        // A reference: the topic page's node says what type of thing it is.
        expect(Object.keys(topic), path).toEqual(['@id']);
        expect(Object.values(TOPIC_TYPES), `${path} → ${topic['@id']}`).toContain(nodeOf(topic['@id'])?.['@type']);
      }
    }
  });

  it('a source page describes the original report: outlet, original reporting, dates (inferred ones marked)', () => {
    for (const path of paths.filter((p) => kind(p) === 'sources')) {
      const lang = path.split('/')[1] as Lang;
      const [report] = jsonLd(site.pages.get(path)!, path) as [Node];
      expect(report['@type'], path).toBe('NewsArticle');
      expect(report.inLanguage, path).toBe('ar');
      // A headline our editors wrote is a labeled `name`, not the document's `headline`.
      expect(report.headline ?? report.name, path).toBeTruthy();
      expect(report.publisher?.name, path).toBeTruthy();
      expect(report.publication?.startDate, path).toMatch(ISO_DATE);
      const inferred = String(report.publication.description).startsWith(`${t(lang, 'briefing.inferred')} — `);
      // A date the document does not print is never given as datePublished.
      expect(report.datePublished === undefined, path).toBe(inferred);
      for (const original of report.isBasedOn) {
        expect(original.publisher?.name, path).toBeTruthy();
        if (original.datePublished !== undefined) expect(original.datePublished, path).toMatch(ISO_DATE);
      }
    }
  });

  it('a topic page describes its entity', () => {
    for (const path of paths.filter((p) => kind(p) === 'topics')) {
      const page = site.pages.get(path)!;
      const [entity] = jsonLd(page, path) as [Node];
      expect(Object.values(TOPIC_TYPES), path).toContain(entity['@type']);
      expect(entity.name, path).toBe(page.querySelector('h1')!.textContent.trim());
      expect(entity.description, path).toBeTruthy();
    }
  });

  it('robots.txt allows the site and names the sitemap index at its absolute URL under the base', () => {
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(new RegExp(`^Allow: ${base}$`, 'm'));
    expect(robots).not.toMatch(/^Disallow:/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBeDefined();
    const url = new URL(sitemap!);
    expect(url.origin).toBe(new URL(canonical('/en/')).origin);
    expect(url.pathname).toBe(`${base}sitemap-index.xml`);
    expect(site.fileFor(url.pathname)).toBeDefined();
  });
});
