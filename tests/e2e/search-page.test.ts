import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';
import { resultHrefs, searchFor, settled } from '../helpers/search-page.ts';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import type { SearchData } from '../../src/lib/search/data.ts';

const site = useServedSite();

const open = async (path: string) => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url(path));
  return page;
};
const path = (href: string) => new URL(href, site.server.origin).pathname.replace(/^\/briefings\//, '/');

async function results(page: Page) {
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => ({
      href: li.querySelector('a')!.getAttribute('href')!,
      lead: li.classList.contains('search-result--lead'),
      meta: li.querySelector('.search-result__meta')?.textContent ?? '',
      excerpt: li.querySelector('.search-result__excerpt')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

describe('the search page', () => {
  it('the header search box leads to the search page with the query', async () => {
    const page = await open('/ar/briefings/miami-mediators-meeting/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Reading pages ship no search code (their scripts register the offline worker and let Escape close a citation preview).
    const scripts = await page.$$eval('script[src]', (s) => s.map((x) => new URL((x as HTMLScriptElement).src).pathname.split('/').pop()!));
    expect(scripts.map((name) => name.replace(/\.[\w-]+\.js$/, '.js'))).toEqual(['sw-register.js', 'CitePreviewDismiss.astro_astro_type_script_index_0_lang.js']);
    await page.fill('#header-q', 'ويتكوف');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/ar\/search\/\?q=/);
    await settled(page);
    expect((await resultHrefs(page)).length).toBeGreaterThan(0);
    expect(requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    // Pagefind's script, its WebAssembly and our data are preloaded by the page's head, and each is
    // taken from the preload rather than fetched again (a preload that does not match is fetched twice).
    const preloaded = await page.$$eval('head link[rel="modulepreload"], head link[rel="preload"][as="fetch"]', (links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname.split('/').pop()));
    // (The script adds Pagefind's entry and metadata after these.)
    expect(preloaded.slice(0, 3)).toEqual(['pagefind.js', 'wasm.ar.pagefind', 'search-data.json']);
    for (const file of ['/pagefind.js', '/wasm.ar.pagefind', '/search-data.json']) expect(requests.filter((u) => new URL(u).pathname.endsWith(file)), file).toHaveLength(1);
    expect(requests.filter((u) => u.endsWith('.pf_meta')).length).toBeLessThanOrEqual(1);
    await page.close();
  });

  it("Pagefind's gzip files reach it inflated by the browser, each fetched once", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(site.server.url('/en/search/?q=Turkey'));
    await settled(page);
    expect((await resultHrefs(page)).length).toBe(10);
    const files = requests.filter((p) => /\.(pagefind|pf_meta|pf_index|pf_fragment)$/.test(p));
    // The WebAssembly, the metadata, at least one index chunk and the results' fragment files.
    for (const kind of ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment']) expect(files.some((p) => p.endsWith(kind)), kind).toBe(true);
    expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
    // The host sends them as written (gzip, no Content-Encoding); the page's fetch, which Pagefind
    // uses, gives each inflated with Pagefind's marker first, so Pagefind skips its own inflate.
    const heads = await page.evaluate(async (paths) => Promise.all(paths.map(async (p) => new TextDecoder().decode((await (await fetch(p)).arrayBuffer()).slice(0, 12)))), files);
    expect(heads).toEqual(files.map(() => 'pagefind_dcd'));
    await page.close();
  });

  it('shows the lead topic with the count as soon as its own data is in, and the other results below it once theirs is', async () => {
    const page = await site.browser.newPage();
    // Every fragment file without the lead topic's page is held back until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.pf_fragment', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      const json = JSON.parse(gunzipSync(body).subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, { url: string }>;
      const urls = typeof json.url === 'string' ? [json.url] : Object.values(json).map((f) => f.url);
      if (!urls.some((u) => u.endsWith('/en/topics/turkey/'))) await held;
      await route.fulfill({ response, body });
    });
    await page.goto(site.server.url('/en/search/?q=Turkey'));
    // (The lead may show earlier still, without the count: see the next test.)
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')!.textContent!));
    const early = await results(page);
    expect(early).toHaveLength(1);
    expect(path(early[0]!.href)).toBe('/en/topics/turkey/');
    expect(early[0]!.lead).toBe(true);
    expect(early[0]!.excerpt).not.toBe('');
    const status = await page.textContent('#search-status');
    expect(status).toMatch(/^\d+ results?( · page 1 of \d+)?$/);
    // Still busy: assistive technology reads the list once it is complete.
    expect(await page.getAttribute('#search-results', 'aria-busy')).toBe('true');
    await page.$eval('#search-results > li', (li) => ((li as HTMLElement).dataset.early = 'yes'));
    release();
    expect(await settled(page)).toBe(status);
    const all = await results(page);
    expect(all).toHaveLength(10);
    expect(all[0]).toEqual(early[0]);
    // The same element stays first: not replaced, so it neither moves nor paints again.
    expect(await page.$eval('#search-results > li:first-child', (li) => (li as HTMLElement).dataset.early)).toBe('yes');
    // The same results, in the same order, as a page whose files all come at once.
    const plain = await open('/en/search/?q=Turkey');
    await settled(plain);
    expect(await results(plain)).toEqual(all);
    await plain.close();
    await page.close();
  });

  it.each([
    ['/en/search/?q=Turkey', '/en/topics/turkey/'],
    ['/ar/search/?q=%D8%AA%D8%B1%D9%83%D9%8A%D8%A7', '/ar/topics/turkey/'],
  ])('%s: a query that came in the URL does not wait for a pause in typing (nobody typed)', async (url, lead) => {
    const page = await site.browser.newPage();
    // The page's clock stands still from the start: no timer fires. The lead needs no timer (its
    // data, its fragment file and its excerpt's slices: scheduler.yield), so it shows; a wait for
    // the reader's pause (a timer) would hold it for ever.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.goto(site.server.url(url));
    await page.waitForSelector('#search-results > li');
    expect(await page.getAttribute('#search-results', 'data-early')).toBe('shown');
    const early = await results(page);
    expect(early.map((r) => [path(r.href), r.lead])).toEqual([[lead, true]]);
    await page.close();
  });

  it.each([
    ['/en/search/?q=Turkey', '/en/topics/turkey/'],
    ['/ar/search/?q=%D8%AA%D8%B1%D9%83%D9%8A%D8%A7', '/ar/topics/turkey/'],
  ])('%s shows the lead topic from its own data before Pagefind has answered, then the full results around the same element', async (url, lead) => {
    const page = await site.browser.newPage();
    // Pagefind's index chunks are held back: it cannot answer until they are released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.route('**/*.pf_index', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.server.url(url));
    await page.waitForSelector('#search-results > li');
    const early = await results(page);
    expect(early).toHaveLength(1);
    expect(path(early[0]!.href)).toBe(lead);
    expect(early[0]!.lead).toBe(true);
    expect(early[0]!.meta).not.toBe('');
    expect(early[0]!.excerpt).not.toBe('');
    // No count yet: the status line promises nothing the page does not show.
    expect(await page.textContent('#search-status')).not.toMatch(/\d/);
    expect(await page.getAttribute('#search-results', 'aria-busy')).toBe('true');
    await page.$eval('#search-results > li', (li) => ((li as HTMLElement).dataset.mine = 'yes'));
    release();
    const status = await settled(page);
    expect(status).toMatch(/\d/);
    const all = await results(page);
    expect(all).toHaveLength(10);
    // The same element stays first (set in place if Pagefind marks other words), not painted again.
    expect(await page.$eval('#search-results > li:first-child', (li) => (li as HTMLElement).dataset.mine)).toBe('yes');
    // Kept as it was, or its marks set to Pagefind's (the same text).
    const kept = await page.getAttribute('#search-results', 'data-early');
    expect(['kept', 'updated']).toContain(kept);
    if (kept === 'kept') expect(all[0]).toEqual(early[0]);
    else expect({ ...all[0], marks: [] }).toEqual({ ...early[0], marks: [] });
    // The lead's fragment file was fetched once: Pagefind took the page's bytes.
    const fragments = requests.filter((p) => p.endsWith('.pf_fragment'));
    expect(new Set(fragments).size).toBe(fragments.length);
    // The same results as a page whose files all come at once.
    const plain = await open(url);
    await settled(plain);
    expect(await results(plain)).toEqual(all);
    await plain.close();
    await page.close();
  });

  it('results are links in an ordered list, the count is in a live region, and middle-click opens a result', async () => {
    const page = await open('/en/search/?q=Witkoff');
    const status = await settled(page);
    expect(await page.$eval('#search-results', (ol) => ol.tagName)).toBe('OL');
    expect(await page.$eval('#search-status', (s) => [s.getAttribute('role'), s.getAttribute('aria-live')])).toEqual(['status', 'polite']);
    const hrefs = await resultHrefs(page);
    // The count promises what the pages show: ten here, the rest on the next pages.
    const total = Number(/^(\d+) results?/.exec(status)![1]);
    expect(hrefs.length).toBe(Math.min(total, 10));
    // A link a browser can open elsewhere: the middle button opens a new tab on the result.
    const opened = page.context().waitForEvent('page');
    await page.click('#search-results > li:first-child a', { button: 'middle' });
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(new URL(hrefs[0]!, site.server.origin).href);
    expect(page.url()).toContain('/en/search/');
    await tab.close();
    await page.close();
  });

  it('keyboard users Tab from the filters into the results, and Arrow Down from the box', async () => {
    const page = await open('/en/search/?q=Witkoff');
    await settled(page);
    await page.focus('#filter-outlet');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#search-results') !== null && document.activeElement?.tagName)).toBe('A');
    await page.focus('#search-q');
    await page.keyboard.press('ArrowDown');
    const first = (await resultHrefs(page))[0]!;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href === new URL(first, site.server.origin).href);
    await page.close();
  });

  it('every result is reachable: pages of results in the URL, and Back returns to the same page', async () => {
    const page = await open('/ar/search/?q=غزة');
    const status = await settled(page);
    const total = Number(/\d+/.exec(status)![0]);
    expect(total).toBeGreaterThan(20);
    const seen = new Set(await resultHrefs(page));
    expect(seen.size).toBe(10);
    // Page 2 is a link: it holds the position in the URL.
    const next = page.locator('#search-pages a[rel="next"]');
    expect(await next.getAttribute('href')).toMatch(/[?&]page=2/);
    await next.click();
    await page.waitForURL(/[?&]page=2/);
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('start') === '11');
    await settled(page);
    const second = await resultHrefs(page);
    expect(second.some((h) => seen.has(h))).toBe(false);
    // Result 11 onwards, then Back: the same page of results.
    await page.click('#search-results > li:first-child a');
    await page.waitForURL((url) => !url.pathname.includes('/search/'));
    await page.goBack();
    await page.waitForURL(/[?&]page=2/);
    await settled(page);
    expect(await resultHrefs(page)).toEqual(second);
    // A shared link to the last page shows the last results, and all of them add up to the count.
    const last = Math.ceil(total / 10);
    await page.goto(`${site.server.url('/ar/search/')}?q=${encodeURIComponent('غزة')}&page=${last}`);
    await settled(page);
    const tail = await resultHrefs(page);
    expect(tail.length).toBe(total - (last - 1) * 10);
    expect(await page.getAttribute('#search-pages a[aria-current="page"]', 'data-page')).toBe(String(last));
    await page.close();
  });

  it('shows the topic a query names first, in any language or spelling, with its kind and counts', async () => {
    for (const [lang, q] of [['ar', 'Turkey'], ['ar', 'تركيا'], ['en', 'تركيا'], ['en', 'Türkiye']] as const) {
      const page = await open(`/${lang}/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const [first, ...rest] = await results(page);
      expect(path(first!.href)).toBe(`/${lang}/topics/turkey/`);
      expect(first!.lead).toBe(true);
      expect(first!.meta).toMatch(lang === 'en' ? /Topic: country.*Mentioned in \d+ briefings? and \d+ source texts?/ : /موضوع: دولة.*يرد في/);
      expect(rest.some((r) => r.lead)).toBe(false);
      await page.close();
    }
    // Spellings of one name meet: the same lead and the same results.
    const hrefsFor = async (q: string) => {
      const page = await open(`/ar/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const hrefs = await resultHrefs(page);
      await page.close();
      return hrefs;
    };
    const trump = await hrefsFor('ترامب');
    expect(path(trump[0]!)).toBe('/ar/topics/donald-trump/');
    expect(await hrefsFor('ترمب')).toEqual(trump);
  });

  it('other topic pages do not crowd the first page: documents come first, topics are capped', async () => {
    for (const [lang, q] of [['ar', 'ترامب'], ['ar', 'غزه'], ['en', 'Hamas']] as const) {
      const page = await open(`/${lang}/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const hrefs = (await resultHrefs(page)).map(path);
      const topics = hrefs.slice(1).filter((h) => h.includes('/topics/'));
      expect(topics.length, `${q}: ${hrefs.join(' ')}`).toBeLessThanOrEqual(2);
      expect(hrefs.slice(1, 4).every((h) => !h.includes('/topics/')), `${q}: ${hrefs.join(' ')}`).toBe(true);
      await page.close();
    }
  });

  it('keeps the query in the URL as the reader types, and highlights in the original spelling', async () => {
    const page = await open('/ar/search/');
    await page.fill('#search-q', 'قوه');
    await settled(page, 'قوه');
    expect(new URL(page.url()).searchParams.get('q')).toBe('قوه');
    const marks = (await results(page)).flatMap((r) => r.marks);
    expect(marks.length).toBeGreaterThan(0);
    // The reader typed ه; the text says ة, and the highlight shows the text as written.
    expect(marks.some((m) => m?.includes('قوة'))).toBe(true);
    await page.close();
  });

  // A highlight says "this is (a form of) a word you searched" (word-forms.ts): not the words a
  // short query word starts ("under", "United" for UN), not a function word beside content words.
  it.each([
    ['en', 'UN', (token: string) => /^u\.?n$/.test(token)],
    ['en', 'Turkey and Egypt', (token: string) => !['and', 'the', 'of'].includes(token)],
    ['ar', 'قوة في غزة', (token: string) => !['في', 'وفي'].includes(token) && !token.startsWith('غزو')],
    ['ar', 'الأمم المتحدة', (token: string) => /^(امم|متحد)/.test(token)],
  ] as const)('%s «%s» highlights only the words searched', async (lang, q, allowed) => {
    const analyzer = createAnalyzer({});
    const page = await open(`/${lang}/search/?q=${encodeURIComponent(q)}`);
    await settled(page);
    const marks = (await results(page)).flatMap((r) => r.marks).map((m) => analyzer.token(m ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((t) => !allowed(t))).toEqual([]);
    await page.close();
  });

  it('a quoted phrase is highlighted whole where it stands', async () => {
    const page = await open(`/en/search/?q=${encodeURIComponent('"Board of Peace"')}`);
    await settled(page);
    const excerpts = await page.$$eval('.search-result__excerpt', (ps) => ps.map((p) => p.innerHTML));
    expect(excerpts.some((html) => /<mark>Board<\/mark> <mark>of<\/mark> <mark>Peace<\/mark>/.test(html))).toBe(true);
    await page.close();
  });

  // Opens every result page of three queries in turn (about 70 page loads): 72 s at load 15,
  // so it gets the time the every-page walks get, not the 60 s default of one interaction.
  it('excerpts are the text as written: no space added or dropped', { timeout: 180_000 }, async () => {
    for (const [lang, q] of [['ar', 'قطر'], ['ar', 'تركيا'], ['en', 'Qatar']] as const) {
      const page = await open(`/${lang}/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const found = await results(page);
      const other = await site.browser.newPage();
      for (const r of found) {
        await other.goto(new URL(r.href, site.server.origin).href);
        // The text as the page shows it, without the citation marks excerpts leave out.
        const pageText = (await other.$eval('main', (main) => {
          for (const cites of main.querySelectorAll('.cites')) {
            const before = cites.previousSibling;
            if (before?.nodeType === Node.TEXT_NODE) before.textContent = before.textContent!.replace(/\s+$/, '');
            cites.remove();
          }
          return (main as HTMLElement).innerText;
        })).replace(/\s+/g, ' ');
        const shown = r.excerpt.replace(/^… |\s…$/g, '').replace(/\s+/g, ' ');
        expect(pageText, `${r.href}: «${shown}»`).toContain(shown);
      }
      await other.close();
      await page.close();
    }
  });

  it('filters by content type and keeps the filter in the URL', async () => {
    const page = await open('/en/search/?q=Turkey');
    await settled(page);
    await page.selectOption('#filter-type', { label: 'Source text' });
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results > li a')].every((a) => a.getAttribute('href')!.includes('/sources/')));
    expect(new URL(page.url()).searchParams.get('type')).toBe('Source text');
    // A source paragraph reads as a citation of it does: the outlet and ¶.
    const metas = (await results(page)).map((r) => r.meta);
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/^Source text( \S.* ¶\d+)?$/);
    expect(metas.some((meta) => /^Source text \S.* ¶\d+$/.test(meta))).toBe(true);
    await page.close();
  });

  it('filters by topic from its own page list, without Pagefind counting topics', async () => {
    const page = await open('/en/search/?q=Hamas');
    await settled(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.selectOption('#filter-topic', 'italy');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('topic') === 'italy');
    await settled(page);
    expect(await page.inputValue('#filter-topic')).toBe('italy');
    expect(requests.some((u) => u.endsWith('/pagefind/en/topic/italy.json'))).toBe(true);
    expect(requests.filter((u) => u.includes('/filter/'))).toEqual([]);
    const list = (await (await fetch(site.server.url('/pagefind/en/topic/italy.json'))).json()) as string[];
    const hrefs = (await resultHrefs(page)).map(path);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.length).toBeLessThanOrEqual(list.length);
    expect(hrefs).toContain('/en/briefings/italy-founding-member/');
    await page.close();
  });

  it('lists exactly the type and outlet values in the index, without loading any filter index to do so', async () => {
    for (const lang of ['ar', 'en']) {
      const page = await site.browser.newPage();
      const filterRequests: string[] = [];
      page.on('request', (r) => r.url().includes('/filter/') && filterRequests.push(r.url()));
      await page.goto(`${site.server.url(`/${lang}/search/`)}?q=${lang === 'ar' ? 'تركيا' : 'Turkey'}`);
      await settled(page);
      await page.focus('#filter-topic');
      await page.click('#filter-outlet');
      await page.keyboard.press('Escape');
      expect(filterRequests).toEqual([]);
      const listed = await page.$$eval('#filter-type, #filter-outlet', (selects) =>
        Object.fromEntries(selects.map((s) => [(s as HTMLSelectElement).name, [...(s as HTMLSelectElement).options].slice(1).map((o) => o.value).sort()])),
      );
      // What Pagefind itself holds, asked from its own API on the same page.
      const bundle = site.server.url(`/pagefind/${lang}/`);
      // A string, not a function: the test runner would rewrite a function's import().
      const indexed = (await page.evaluate(`(async () => {
        const pf = await import(${JSON.stringify(`${bundle}pagefind.js`)});
        const all = await pf.filters();
        return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Object.keys(v).sort()]));
      })()`)) as Record<string, string[]>;
      expect(listed).toEqual(indexed);
      // Every topic has an option, valued by its id, and a page list beside the index.
      const topics = await page.$$eval('#filter-topic option', (os) => os.slice(1).map((o) => (o as HTMLOptionElement).value));
      expect(topics.length).toBeGreaterThan(50);
      for (const id of topics.slice(0, 5)) expect((await fetch(site.server.url(`/pagefind/${lang}/topic/${id}.json`))).ok).toBe(true);
      await page.close();
    }
  });

  it('applies a filter given in the URL', async () => {
    const page = await open(`/en/search/?q=Turkey&type=${encodeURIComponent('Topic')}`);
    await settled(page);
    expect(await page.inputValue('#filter-type')).toBe('Topic');
    const hrefs = await resultHrefs(page);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.includes('/topics/'))).toBe(true);
    await page.close();
  });

  it('shows pages with some of the words when none has them all', async () => {
    // Two words of the index that no page has together.
    const page = await open('/en/about/');
    const pair = (await page.evaluate(`(async () => {
      const pf = await import(${JSON.stringify(site.server.url('/pagefind/en/pagefind.js'))});
      for (const q of ['nuclear tunnels', 'nuclear captives', 'captives tunnels', 'profound tunnels']) if (!(await pf.search(q)).results.length) return q;
    })()`)) as string;
    expect(pair).toBeTruthy();
    await page.goto(`${site.server.url('/en/search/')}?q=${encodeURIComponent(pair)}`);
    const status = await settled(page);
    expect(status).toMatch(/^No page has all the words; pages with some of them: \d+ results/);
    expect((await resultHrefs(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('a word no page has finds nothing, though Pagefind falls back to a short word it starts with', async () => {
    const page = await open('/en/about/');
    // No source names Tony Blair: Pagefind matches "tony" by "to" (the longest word it starts with).
    const raw = (await page.evaluate(`(async () => {
      const pf = await import(${JSON.stringify(site.server.url('/pagefind/en/pagefind.js'))});
      return [(await pf.search('tony')).results.length, (await pf.search('blair')).results.length, (await pf.search('tony blair')).results.length];
    })()`)) as number[];
    expect(raw[0]).toBeGreaterThan(0);
    expect(raw[1]).toBe(0);
    expect(raw[2]).toBe(raw[0]);
    for (const q of ['Tony', 'Tony Blair']) {
      await page.goto(`${site.server.url('/en/search/')}?q=${encodeURIComponent(q)}`);
      expect(await settled(page)).toMatch(/^(0 results|No results)$/);
      expect(await resultHrefs(page)).toEqual([]);
    }
    // With a word pages have: its results, said to be some of the words.
    await page.goto(`${site.server.url('/en/search/')}?q=${encodeURIComponent('Blair Pakistan')}`);
    expect(await settled(page)).toMatch(/^No page has all the words; pages with some of them: \d+ results/);
    expect((await resultHrefs(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('suggests topics when nothing matches', async () => {
    const page = await open(`/en/search/?q=${encodeURIComponent('Witkofz')}`);
    expect(await settled(page)).toMatch(/^(0 results|No results)$/);
    expect(await page.$$eval('#search-help a', (as) => as.map((a) => a.textContent))).toContain('Steve Witkoff');
    await page.close();
  });

  /** Every result of a query, page after page of results, as paths. */
  async function allResults(lang: string, q: string): Promise<string[]> {
    const url = (n: number) => `${site.server.url(`/${lang}/search/`)}?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`;
    const page = await site.browser.newPage();
    await page.goto(url(1));
    const total = Number(/\d+/.exec(await settled(page))![0]);
    const hrefs = await resultHrefs(page);
    for (let n = 2; hrefs.length < total; n++) {
      await page.goto(url(n));
      await settled(page);
      hrefs.push(...(await resultHrefs(page)));
    }
    await page.close();
    expect(hrefs.length).toBe(total);
    return hrefs.map(path);
  }

  it('every result for Turkey says or shows Turkey, and pages naming it only as Turkish or Ankara are found', async () => {
    // Tokens of Turkey's names and aliases (تركيا, تركي, أنقرة, Turkey, Türkiye, Ankara, Turkish…),
    // as the search page's own data has them.
    const data = (await (await fetch(site.server.url('/pagefind/ar/search-data.json'))).json()) as SearchData;
    const analyzer = createAnalyzer(data.names);
    const turkey = new Set(data.topics.find((t) => t.url === '/ar/topics/turkey/')!.names.flat());
    expect(turkey).toEqual(new Set(['تركيا', 'انقره', 'تركي', 'turkey', 'turkiye', 'ankara', 'turkish']));
    for (const [lang, q, aliasOnly] of [
      ['ar', 'تركيا', '/ar/topics/times-of-israel/'],
      ['en', 'Turkey', '/en/topics/times-of-israel/'],
    ] as const) {
      const found = await allResults(lang, q);
      // Sources cited by a briefing about Turkey, whose pages never say or show it, were results
      // (pentagon-peacekeeping-funding, pakistan-pivotal-role, italy-founding-member).
      const silent: string[] = [];
      for (const p of found) {
        const html = await (await fetch(site.server.url(p))).text();
        const main = /<main[\s\S]*?<\/main>/.exec(html)![0].replace(/<[^>]+>/g, ' ');
        if (!analyzer.tokens(main).some((t) => turkey.has(t))) silent.push(p);
      }
      expect(silent, `${lang} ${q}: results that never say Turkey`).toEqual([]);
      // This page says «التركي» / "Turkish", never the country's name: found through the register's aliases.
      expect(found, `${lang} ${q}`).toContain(aliasOnly);
      expect(found, `${lang} ${q}`).toEqual(expect.arrayContaining([`/${lang}/sources/us-plan-international-force/`, `/${lang}/sources/miami-mediators-meeting/`]));
    }
  });

  it('واشنطن with or without a clitic finds the same pages, shown and highlighted as written', async () => {
    const page = await open(`/ar/search/?q=${encodeURIComponent('واشنطن')}`);
    await settled(page);
    const shown = await results(page);
    const hrefs = shown.map((r) => r.href);
    expect(hrefs.map(path)).toEqual(expect.arrayContaining(['/ar/briefings/isf-overview/', '/ar/briefings/miami-mediators-meeting/', '/ar/sources/us-plan-international-force/']));
    // The index holds اشنطن (its و read as a conjunction, on both sides); a reader never sees it.
    const titles = await page.$$eval('#search-results > li a', (as) => as.map((a) => a.textContent ?? ''));
    for (const text of [...titles, ...shown.map((r) => r.excerpt)]) expect(text).not.toMatch(/(^|[^\u0621-\u064A])اشنطن/);
    const marks = shown.flatMap((r) => r.marks);
    expect(marks.some((m) => m?.includes('واشنطن'))).toBe(true);
    expect(marks.some((m) => /(^|[^\u0621-\u064A])اشنطن/.test(m ?? ''))).toBe(false);
    for (const variant of ['وواشنطن', 'بواشنطن', 'لواشنطن', 'وَاشِنْطُن']) {
      await searchFor(page, variant);
      expect(await resultHrefs(page), variant).toEqual(hrefs);
    }
    await page.close();
  });

  it('the index holds the analysed words only: the page data beside them is not searchable', async () => {
    const page = await open('/ar/about/');
    // Anchors such as "open-questions" travel in every Arabic briefing's hidden data; English words
    // on the Arabic index come only from topic names, and "questions" is none of them.
    const found = (await page.evaluate(`(async () => {
      const pf = await import(${JSON.stringify(site.server.url('/pagefind/ar/pagefind.js'))});
      return (await pf.search('questions')).results.length;
    })()`)) as number;
    expect(found).toBe(0);
    await page.close();
  });
});
