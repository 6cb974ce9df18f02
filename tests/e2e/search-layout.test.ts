/**
 * The search page does not move under the reader as results arrive. Cumulative layout shift
 * (Chromium's layout-shift entries, as Lighthouse counts them) stays at or under 0.01 when a page
 * opens with a query on a phone (Lighthouse's mobile screen), in both languages; on a desktop
 * screen no shift comes from the results area or what follows it (the site header's web-font
 * swap is the font loading's business, not the search page's).
 */
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../helpers/served-site.ts';
import { settled } from '../helpers/search-page.ts';

const site = useServedSite();

const SCREENS = [
  { name: 'phone', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
];

describe('search page layout stability', () => {
  it.each(SCREENS)('no layout shift on the $name screen while results arrive', async ({ name, ...screen }) => {
    const context = await site.browser.newContext(screen);
    const found: string[] = [];
    for (const path of ['/ar/search/?q=%D8%AA%D8%B1%D9%83%D9%8A%D8%A7', '/en/search/?q=Turkey']) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number; __shifts: string[] };
        w.__cls = 0;
        w.__shifts = [];
        const results = (node?: Node) => {
          const el = node instanceof Element ? node : node?.parentElement;
          return Boolean(el?.closest('.search-out, footer'));
        };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
            if (e.hadRecentInput) continue;
            w.__cls += e.value;
            const fromResults = (e.sources ?? []).some((s) => results(s.node));
            w.__shifts.push(`${fromResults ? 'results' : 'other'} ${e.value.toFixed(4)} ${(e.sources ?? []).map((s) => (s.node as Element | undefined)?.nodeName ?? '?').join(',')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await settled(page);
      // Late shifts (fonts, images) would come within a moment of the results.
      await page.waitForTimeout(1000);
      const { cls, shifts } = await page.evaluate(() => ({ cls: (window as unknown as { __cls: number }).__cls, shifts: (window as unknown as { __shifts: string[] }).__shifts }));
      if (name === 'phone' ? cls > 0.01 : shifts.some((x) => x.startsWith('results'))) found.push(`${name} ${path}: CLS ${cls.toFixed(4)} (${shifts.join('; ')})`);
      console.log(`CLS ${name} ${decodeURIComponent(path)}: ${cls.toFixed(4)}`);
      await page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
