/**
 * A language's search index split into several Pagefind bundles (SEARCH_BUNDLE_PAGES; a large
 * corpus is split so that one Pagefind process fits the build's memory budget), merged by the
 * search page, answers as the one bundle does. The real site is built here with at most 20
 * pages a bundle (five bundles of 10 to 20 pages per language) and compared, in Chromium against
 * nginx, with the one-bundle sub-path build every e2e test serves: the same counts and pages of
 * results, the same results on every page of results, the same filters, a topic page first where
 * the one bundle leads with one, and results from every bundle.
 *
 * Not the same: the order within a page. Pagefind scores each bundle with its own statistics
 * (BM25's inverse document frequency and average page length), so scores from bundles of 15
 * pages differ from those of one bundle of 75; the test prints how many queries keep the same
 * first page and the same lead topic, and the test set's top-5 recall both ways. Bundles of a
 * real split (thousands of pages each, by a hash of the URL) have nearly the language's own
 * statistics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SEARCH_DATA_FILE, TOPIC_LIST_DIR, type SearchData } from '../../src/lib/search/data.ts';
import { readPageIds } from '../../src/lib/search/search-data.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type Served } from '../helpers/nginx.ts';
import { cleanEnv } from '../helpers/site.ts';
import { resultHrefs, searchFor, settled } from '../helpers/search-page.ts';
import { loadQueries } from '../search/split.ts';

const DIST = process.env.DIST_SUBPATH ?? '.tmp/dist-subpath';
const BASE = process.env.SUBPATH_BASE ?? '/briefings/';
const MAX_PAGES = 20;
const LANGS = ['ar', 'en'] as const;

const work = mkdtempSync(join(tmpdir(), 'briefings-bundles-'));
const split = join(work, 'dist');
let one: Served;
let many: Served;
let browser: Browser;

beforeAll(async () => {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...cleanEnv(), SEARCH_BUNDLE_PAGES: String(MAX_PAGES), BASE_PATH: BASE, OUT_DIR: split, ASTRO_CACHE: join(work, 'astro'), CARDS_CACHE: join(work, 'cards'), IMAGES_CACHE: join(work, 'images'), SEARCH_CACHE: join(work, 'search') },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  expect(result.status, result.stderr).toBe(0);
  [one, many] = await Promise.all([serveWithNginx(DIST, BASE), serveWithNginx(split, BASE)]);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([one?.stop(), many?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

const bundlesOf = (dist: string, lang: string) => readdirSync(join(dist, 'pagefind')).filter((d) => d === lang || d.startsWith(`${lang}-`)).sort();

/** URL → the bundle it is indexed in. */
function bundleOfUrl(lang: string): Map<string, string> {
  return new Map(bundlesOf(split, lang).flatMap((b) => [...readPageIds(join(split, 'pagefind', b)).keys()].map((url) => [url, b] as const)));
}

interface Shown {
  status: string;
  hrefs: string[];
  lead: string | undefined;
}

async function shown(server: Served, path: string, page: Page, query?: string): Promise<Shown> {
  let status: string;
  if (query === undefined) {
    await page.goto(server.url(path));
    status = await settled(page);
  } else {
    if (!page.url().endsWith(path)) await page.goto(server.url(path));
    await searchFor(page, query);
    status = (await page.textContent('#search-status'))!;
  }
  const hrefs = (await resultHrefs(page)).map((h) => new URL(h, server.origin).pathname.replace(BASE, '/'));
  const lead = await page.$eval('#search-results', (ol) => ol.querySelector('.search-result--lead a')?.getAttribute('href') ?? undefined);
  return { status, hrefs, lead: lead && new URL(lead, server.origin).pathname.replace(BASE, '/') };
}

/** A query typed into each site's search page of its language (the pages stay open between queries). */
const open = new Map<string, Page>();
async function typed(lang: string, query: string): Promise<[Shown, Shown]> {
  const pageOf = async (site: string) => {
    let page = open.get(`${site} ${lang}`);
    if (!page) open.set(`${site} ${lang}`, (page = await browser.newPage()));
    return page;
  };
  return [await shown(one, `/${lang}/search/`, await pageOf('one'), query), await shown(many, `/${lang}/search/`, await pageOf('many'), query)];
}

/** The same search page state on both sites. */
async function both(path: string): Promise<[Shown, Shown]> {
  const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
  try {
    return [await shown(one, path, a), await shown(many, path, b)];
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

describe('a search index split into bundles', () => {
  it('splits each language into bundles of at most N pages that hold every page once, and names them in the first', () => {
    for (const lang of LANGS) {
      const bundles = bundlesOf(split, lang);
      expect(bundles.length).toBeGreaterThan(1);
      const urls = bundles.flatMap((b) => [...readPageIds(join(split, 'pagefind', b)).keys()]);
      for (const b of bundles) expect(readPageIds(join(split, 'pagefind', b)).size).toBeLessThanOrEqual(MAX_PAGES);
      expect(new Set(urls).size).toBe(urls.length);
      expect([...urls].sort()).toEqual([...readPageIds(join(DIST, 'pagefind', lang)).keys()].sort());
      const data = JSON.parse(readFileSync(join(split, 'pagefind', lang, SEARCH_DATA_FILE), 'utf8')) as SearchData;
      expect(data.merge).toEqual(bundles.slice(1));
      for (const b of bundles.slice(1)) expect(existsSync(join(split, 'pagefind', b, SEARCH_DATA_FILE))).toBe(false);
      // Topics and the topic filter's lists name pages of any bundle.
      const urlOf = new Map(bundles.flatMap((b) => [...readPageIds(join(split, 'pagefind', b))].map(([url, id]) => [id, url] as const)));
      for (const topic of data.topics) {
        expect(urlOf.get(topic.page), topic.id).toBe(topic.url);
        // The topic page's fragment file, which the search page fetches for a lead topic, from the first bundle.
        const file = join(split, 'pagefind', lang, topic.fragment ?? `fragment/${topic.page}.pf_fragment`);
        expect(existsSync(file), `${topic.id}: ${file}`).toBe(true);
        const held = JSON.parse(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, unknown>;
        expect(typeof held.url === 'string' ? file.endsWith(`/${topic.page}.pf_fragment`) : topic.page in held, topic.id).toBe(true);
        const list = JSON.parse(readFileSync(join(split, 'pagefind', lang, TOPIC_LIST_DIR, `${topic.id}.json`), 'utf8')) as string[];
        expect(list, topic.id).toContain(topic.page);
        for (const id of list) expect(urlOf.has(id), `${topic.id}: ${id}`).toBe(true);
      }
      // The one-bundle build names no others: it is what a small site always built.
      expect((JSON.parse(readFileSync(join(DIST, 'pagefind', lang, SEARCH_DATA_FILE), 'utf8')) as SearchData).merge).toBeUndefined();
      // The offline copy of a language takes all its bundles.
      const offline = JSON.parse(readFileSync(join(split, 'offline', `${lang}.json`), 'utf8')) as { search: string[] };
      for (const b of bundles) expect(offline.search.some((p) => p.startsWith(`pagefind/${b}/`))).toBe(true);
    }
  });

  it("answers the test set's queries as the one bundle does: the same count, the topic first, results from every bundle", async () => {
    const queries = loadQueries('tests/search/queries.yaml');
    const found = new Map<string, Set<string>>(LANGS.map((l) => [l, new Set()]));
    const where = new Map(LANGS.map((l) => [l, bundleOfUrl(l)]));
    let sameOrder = 0;
    let sameLead = 0;
    const recall = { one: 0, split: 0 };
    for (const q of queries) {
      const [a, b] = await typed(q.lang, q.q);
      // The same count and pages; a query naming a topic still leads with a topic page.
      expect({ q: q.q, status: b.status, lead: !!b.lead }).toEqual({ q: q.q, status: a.status, lead: !!a.lead });
      if (b.lead) expect(b.hrefs[0]).toBe(b.lead);
      if (a.lead === b.lead) sameLead++;
      if (JSON.stringify(a.hrefs) === JSON.stringify(b.hrefs)) sameOrder++;
      const top = (s: Shown) => s.hrefs.slice(0, 5).map((h) => h.replace(/#.*/, ''));
      if (q.expect.every((e) => top(a).includes(e))) recall.one++;
      if (q.expect.every((e) => top(b).includes(e))) recall.split++;
      for (const href of b.hrefs) found.get(q.lang)!.add(where.get(q.lang)!.get(href.replace(/#.*/, '')) ?? '?');
    }
    // Results come from every bundle.
    for (const lang of LANGS) expect([...found.get(lang)!].sort()).toEqual(bundlesOf(split, lang));
    for (const page of open.values()) await page.close();
    console.log(`[bundles] ${queries.length} queries: the same lead topic ${sameLead}, first page in the same order ${sameOrder}; all expected pages in the top 5: one bundle ${recall.one}, split ${recall.split}`);
  }, 300_000);

  it('pages of results hold every result once, as the one bundle does', async () => {
    for (const q of ['/en/search/?q=Gaza', '/ar/search/?q=غزة&topic=hamas', '/en/search/?q=force&type=Source+text']) {
      const [first] = await both(q);
      const pages = Number(/(\d+)\D*$/.exec(first.status.split('·')[1] ?? '1')?.[1] ?? 1);
      const all = { one: [] as string[], split: [] as string[] };
      for (let n = 1; n <= pages; n++) {
        const [a, b] = await both(n === 1 ? q : `${q}&page=${n}`);
        expect(b.status, q).toBe(a.status);
        all.one.push(...a.hrefs);
        all.split.push(...b.hrefs);
      }
      expect(new Set(all.split).size, q).toBe(all.split.length);
      expect([...all.split].sort(), q).toEqual([...all.one].sort());
    }
  }, 300_000);

  it('filters narrow the results as they do on the one bundle', async () => {
    const states = ['/en/search/?q=force&type=Source+text', '/ar/search/?q=قوة&type=موضوع', '/en/search/?q=Gaza&topic=turkey', '/ar/search/?q=غزة&topic=hamas', '/en/search/?q=force&outlet=Axios'];
    for (const state of states) {
      const [a, b] = await both(state);
      expect(b.hrefs.length, state).toBeGreaterThan(0);
      expect({ state, status: b.status, lead: b.lead }).toEqual({ state, status: a.status, lead: a.lead });
      if (!a.status.includes('·')) expect([...b.hrefs].sort(), state).toEqual([...a.hrefs].sort());
    }
  }, 300_000);
});
