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
    // Reading pages ship no search code.
    expect(await page.$$eval('script[src]', (s) => s.length)).toBe(0);
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
    // Filter values load when the reader first reaches for the filters.
    await page.focus('#filter-type');
    await page.waitForSelector('#filter-type option:nth-child(2)', { state: 'attached' });
    await page.selectOption('#filter-type', { label: 'Source text' });
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('#search-results [role="option"]')].every((o) => o.dataset.href!.includes('/sources/')));
    expect(new URL(page.url()).searchParams.get('type')).toBe('Source text');
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
