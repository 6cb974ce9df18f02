import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';

const site = useServedSite();

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return s !== '' && !s.includes('…');
  });
  return (await page.textContent('#search-status'))!;
}

describe('the search page', () => {
  it('the header search box leads to the search page with the query', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url('/ar/briefings/miami-mediators-meeting/'));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Reading pages ship no search code (their scripts register the offline worker and let Escape close a citation preview).
    const scripts = await page.$$eval('script[src]', (s) => s.map((x) => new URL((x as HTMLScriptElement).src).pathname.split('/').pop()!));
    expect(scripts.map((name) => name.replace(/\.[\w-]+\.js$/, '.js'))).toEqual(['sw-register.js', 'CitePreviewDismiss.astro_astro_type_script_index_0_lang.js']);
    await page.fill('#header-q', 'ويتكوف');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/ar\/search\/\?q=/);
    await settled(page);
    expect(await page.$$eval('#search-results [role="option"]', (o) => o.length)).toBeGreaterThan(0);
    expect(requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    await page.close();
  });

  it('keeps the query in the URL as the reader types, and highlights in the original spelling', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url('/ar/search/'));
    await page.fill('#search-q', 'قوه');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('قوه');
    const marks = await page.$$eval('#search-results mark', (m) => m.map((x) => x.textContent));
    expect(marks.length).toBeGreaterThan(0);
    // The reader typed ه; the text says ة, and the highlight shows the text as written.
    expect(marks.some((m) => m?.includes('قوة'))).toBe(true);
    await page.close();
  });

  it('is a keyboard-operable combobox with a listbox of results', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url('/en/search/')}?q=Witkoff`);
    await settled(page);
    await page.focus('#search-q');
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#search-q', 'aria-activedescendant');
    expect(active).toBe('result-0');
    expect(await page.getAttribute(`#${active}`, 'aria-selected')).toBe('true');
    const target = await page.getAttribute(`#${active}`, 'data-href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === target);
    await page.close();
  });

  it('filters by content type and keeps the filter in the URL', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url('/en/search/')}?q=Turkey`);
    await settled(page);
    await page.selectOption('#filter-type', { label: 'Source text' });
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('#search-results [role="option"]')].every((o) => o.dataset.href!.includes('/sources/')));
    expect(new URL(page.url()).searchParams.get('type')).toBe('Source text');
    await page.close();
  });

  it('lists exactly the filter values in the index, without loading any filter index to do so', async () => {
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
      const listed = await page.$$eval('.search-filters select', (selects) =>
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
      await page.close();
    }
  });

  it('applies a filter given in the URL', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url('/en/search/')}?q=Turkey&type=${encodeURIComponent('Topic')}`);
    await settled(page);
    expect(await page.inputValue('#filter-type')).toBe('Topic');
    const hrefs = await page.$$eval('#search-results [role="option"]', (os) => os.map((o) => (o as HTMLElement).dataset.href!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.includes('/topics/'))).toBe(true);
    await page.close();
  });

  it('suggests topics when nothing matches', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url('/en/search/')}?q=${encodeURIComponent('Witkofz')}`);
    expect(await settled(page)).toMatch(/^(0 results|No results)$/);
    expect(await page.$$eval('#search-help a', (as) => as.map((a) => a.textContent))).toContain('Steve Witkoff');
    await page.close();
  });
});
