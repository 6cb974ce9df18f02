import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE, DIST, useServedSite } from '../helpers/served-site.ts';
import { readSite } from '../helpers/site.ts';

const BRIEFING = 'miami-mediators-meeting';
const SHOTS = 'test-results/screenshots';

// Served with the security headers the build writes for nginx, strict CSP included.
const served = useServedSite({ siteDirectives: `include ${resolve(DIST)}/nginx-security-headers.conf;` });
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await served.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => !r.url().startsWith(served.server.origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
  const response = await page.goto(served.server.url(path), { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return { page, errors, foreign };
}

describe('the built site on nginx under a sub-path', () => {
  it('serves the entry page, and the bilingual 404 for unknown paths', async () => {
    const res = await fetch(served.server.url('/no/such/page/'));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('lang="en"');
    expect((await fetch(served.server.url('/'))).status).toBe(200);
  });

  it('the language switch lands on the counterpart, both ways', async () => {
    const { page } = await open(`/ar/briefings/${BRIEFING}/`);
    await page.click('a[data-lang-switch="en"]');
    await page.waitForURL(`**${BASE}en/briefings/${BRIEFING}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('a[data-lang-switch="ar"]');
    await page.waitForURL(`**${BASE}ar/briefings/${BRIEFING}/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.close();
  });

  it('Arabic pages lay out right to left', async () => {
    const { page } = await open(`/ar/briefings/${BRIEFING}/`);
    const layout = await page.evaluate(() => {
      const name = document.querySelector('.site-name')!.getBoundingClientRect();
      const nav = document.querySelector('.site-nav')!.getBoundingClientRect();
      const h1 = document.querySelector('h1')!.getBoundingClientRect();
      const p = document.querySelector('.key-points li')!;
      const main = document.querySelector('main')!.getBoundingClientRect();
      return { width: innerWidth, name, nav, h1, main, align: getComputedStyle(p).textAlign, direction: getComputedStyle(p).direction };
    });
    // Inline start is the right edge: site name at the right, navigation to its left.
    expect(layout.name.right).toBeGreaterThan(layout.width / 2);
    expect(layout.nav.right).toBeLessThanOrEqual(layout.name.left);
    // Headings hug the right edge of the content area.
    expect(layout.main.right - layout.h1.right).toBeLessThan(40);
    expect(layout.direction).toBe('rtl');
    expect(['start', 'right']).toContain(layout.align);
    await page.screenshot({ path: `${SHOTS}/ar-briefing.png` });
    await page.close();
  });

  it('English pages lay out left to right', async () => {
    const { page } = await open(`/en/briefings/${BRIEFING}/`);
    const name = await page.locator('.site-name').boundingBox();
    expect(name!.x).toBeLessThan(640);
    await page.screenshot({ path: `${SHOTS}/en-briefing.png` });
    await page.close();
  });

  it('a citation link lands on the highlighted paragraph', async () => {
    const { page } = await open(`/en/briefings/${BRIEFING}/`);
    const link = page.locator('.key-points .cites a').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const id = href.split('#')[1]!;
    const style = await page.evaluate((target) => {
      const el = document.getElementById(target)!;
      const other = el.nextElementSibling ?? el.previousElementSibling!;
      const box = el.getBoundingClientRect();
      return { matches: el.matches(':target'), bg: getComputedStyle(el).backgroundColor, otherBg: getComputedStyle(other).backgroundColor, visible: box.top >= 0 && box.top < innerHeight };
    }, id);
    expect(style.matches).toBe(true);
    expect(style.bg).not.toBe(style.otherBg);
    expect(style.visible).toBe(true);
    await page.screenshot({ path: `${SHOTS}/en-source-cited.png` });
    await page.close();
  });

  it('lays out at 320 px without horizontal scrolling', async () => {
    for (const path of [`/ar/briefings/${BRIEFING}/`, `/en/sources/${BRIEFING}/`, '/ar/topics/turkey/']) {
      const { page } = await open(path, 320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(1);
      await page.close();
    }
  });

  it('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const { page } = await open('/ar/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('every page loads under the strict CSP with no console errors, no violation and no request to another host', async () => {
    const site = readSite(DIST, BASE);
    const problems: string[] = [];
    const page = await served.browser.newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const csp = (await fetch(served.server.url('/en/'))).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    let current = '';
    page.on('console', (m) => m.type() === 'error' && problems.push(`${current}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(served.server.origin) && problems.push(`${current}: request to ${r.url()}`));
    const searches = ['/ar/search/?q=%D9%82%D9%88%D9%87', '/en/search/?q=Turkey'];
    for (const path of [...site.pages.keys(), ...searches]) {
      current = path;
      await page.goto(served.server.url(path), { waitUntil: 'load' });
      if (path.includes('?q=')) await page.waitForSelector('#search-results a');
    }
    await page.close();
    expect(problems).toEqual([]);
    // Every page of the site, one after another: about 35 s on a quiet machine, past 60 s on a busy one.
  }, 180_000);
});
