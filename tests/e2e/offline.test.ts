/**
 * Reading offline, in Chromium, with the site served by nginx under /briefings/ with its strict
 * CSP. "Offline" is real: the server is stopped, so every request the browser makes fails.
 * - Pages a reader opened (the first one too, loaded before the worker existed) render again
 *   offline with their stylesheet, Arabic font and image; a page never opened does not.
 * - After "available offline" on the About page (which shows the size first), an unopened
 *   briefing and a search work offline.
 * - After a rebuild with a changed title, the new title appears once online, and the saved copy
 *   is replaced: offline again, pages show the new build, and the old build's caches are gone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type Served } from '../helpers/nginx.ts';
import { resultHrefs, settled } from '../helpers/search-page.ts';
import { BASE, DIST } from '../helpers/served-site.ts';
import { cleanEnv } from '../helpers/site.ts';
import { updatedFixture } from '../helpers/updated-fixture.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const serve = (dist: string, port?: number) => serveWithNginx(dist, BASE, { siteDirectives: `include ${resolve(dist)}/nginx-security-headers.conf;`, ...(port && { port }) });

/** A fresh browser context (its own service workers and caches) recording errors and CSP violations. */
async function session(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('console', (m) => m.type() === 'error' && /CSP|Content Security Policy|Uncaught/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Waits until the worker controls the page and has kept `urls` (absolute) in its caches. */
async function keptOffline(page: Page, urls: string[]): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
  await page.waitForFunction(async (wanted) => (await Promise.all(wanted.map((u) => caches.match(u)))).every(Boolean), urls, { timeout: 30_000, polling: 250 });
}

/** Stylesheet applied, fonts loaded, and what is asked of the page: checked after an offline reload. */
async function rendered(page: Page): Promise<{ h1: string; styled: boolean; arabicFont: boolean }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    // Astro's fonts API names the family "Noto Naskh Arabic-<hash>".
    const arabic = [...document.fonts].filter((f) => f.family.replace(/["']/g, '').startsWith('Noto Naskh Arabic'));
    return {
      h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      // The site's stylesheet sets the page background; without it the body is transparent.
      styled: getComputedStyle(document.body).backgroundColor !== 'rgba(0, 0, 0, 0)',
      arabicFont: arabic.some((f) => f.status === 'loaded'),
    };
  });
}

async function imageLoaded(page: Page): Promise<boolean> {
  const img = page.locator('main picture img').first();
  await img.scrollIntoViewIfNeeded();
  return img.evaluate(async (el: HTMLImageElement) => {
    if (!el.complete) {
      await new Promise((r) => {
        el.addEventListener('load', r, { once: true });
        el.addEventListener('error', r, { once: true });
      });
    }
    return el.naturalWidth > 0;
  });
}

describe('reading offline', () => {
  it('without JavaScript, pages read as before and the About page says why saving needs it', async () => {
    const server = await serve(DIST);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(server.url('/ar/briefings/miami-mediators-meeting/'));
      const text = await page.locator('main').textContent();
      expect(text!.length).toBeGreaterThan(2000);
      expect(await page.locator('.key-points li').count()).toBeGreaterThan(2);
      await page.goto(server.url('/en/about/'));
      expect(await page.locator('[data-offline]').isVisible()).toBe(false);
      expect(await page.locator('section[aria-labelledby="offline"]').textContent()).toContain('Reading offline needs JavaScript');
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it('pages a reader opened render offline, with their stylesheet, Arabic font and image', async () => {
    const server = await serve(DIST);
    const { context, page, problems } = await session();
    try {
      const briefing = server.url('/en/briefings/miami-mediators-meeting/');
      const topic = server.url('/ar/topics/turkey/');
      // First page: loaded before the worker existed; the registration hands it over.
      await page.goto(briefing);
      expect(await imageLoaded(page)).toBe(true);
      await keptOffline(page, [briefing]);
      await page.goto(topic);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await keptOffline(page, [topic]);
      await server.stop();

      await page.reload();
      expect(await rendered(page)).toEqual({ h1: 'تركيا', styled: true, arabicFont: true });
      await page.goto(briefing);
      const en = await rendered(page);
      expect([en.h1.length > 10, en.styled]).toEqual([true, true]);
      expect(await imageLoaded(page)).toBe(true);
      await page.screenshot({ path: 'test-results/screenshots/offline-en-briefing.png' });
      // Really offline: a page never opened cannot load.
      await expect(page.goto(server.url('/en/briefings/pakistan-pivotal-role/'))).rejects.toThrow();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop().catch(() => undefined);
    }
  });

  it("a first visit's search has the network to itself: the worker is registered once its results are shown, and keeps the search's files", async () => {
    const server = await serve(DIST);
    const { context, page, problems } = await session();
    try {
      // What the page shows when the registration starts.
      await page.addInitScript(() => {
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          const list = document.querySelector<HTMLElement>('#search-results');
          (window as unknown as { registeredWith: unknown }).registeredWith = { results: list?.children.length, busy: list?.getAttribute('aria-busy') ?? null };
          return register.apply(this, args);
        };
      });
      // A slow connection: the result data arrives well after the page itself has loaded.
      const data: string[] = [];
      await page.route('**/*.pf_fragment', async (route) => {
        data.push(route.request().url());
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      const search = server.url(`/ar/search/?q=${encodeURIComponent('تركيا')}`);
      await page.goto(search);
      await settled(page);
      const shown = await page.locator('#search-results > li').count();
      expect(shown).toBeGreaterThan(0);
      await page.waitForFunction(() => 'registeredWith' in window, undefined, { timeout: 30_000 });
      expect(await page.evaluate(() => (window as unknown as { registeredWith: unknown }).registeredWith)).toEqual({ results: shown, busy: null });
      // Handed over afterwards: the page (its address without the query) and the search's result data.
      expect(data.length).toBeGreaterThan(0);
      await keptOffline(page, [search.replace(/\?.*/, ''), ...data]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it('"available offline" shows the size, then an unopened briefing and a search work offline', async () => {
    const server = await serve(DIST);
    const { context, page, problems } = await session();
    try {
      await page.goto(server.url('/en/about/'));
      const action = page.locator('[data-offline]');
      await action.waitFor({ state: 'visible' });
      const index = JSON.parse(readFileSync(join(DIST, 'offline', 'index.json'), 'utf8')) as { langs: Record<string, { bytes: number }> };
      const mb = (index.langs.en!.bytes / 1e6).toFixed(1).replace(/\.0$/, '');
      await expect.poll(() => action.locator('[data-offline-size]').textContent()).toBe(`Size: ${mb} MB.`);
      await page.getByRole('button', { name: 'Make available offline' }).click();
      await expect.poll(() => action.locator('[data-offline-status]').textContent(), { timeout: 60_000 }).toMatch(/^The English site is available offline/);
      expect(await page.getByRole('button', { name: 'Remove the offline copy' }).isVisible()).toBe(true);
      await server.stop();

      await page.goto(server.url('/en/briefings/pakistan-pivotal-role/'));
      const briefing = await rendered(page);
      expect(briefing.styled).toBe(true);
      expect(briefing.h1.length).toBeGreaterThan(10);
      await page.goto(server.url('/en/search/?q=Turkey'));
      await settled(page);
      expect((await resultHrefs(page)).length).toBeGreaterThan(0);
      // Only the reader's language was saved.
      await expect(page.goto(server.url('/ar/briefings/pakistan-pivotal-role/'))).rejects.toThrow();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop().catch(() => undefined);
    }
  });
});

describe('a site after a follow-up report, then rebuilt', () => {
  const work = mkdtempSync(join(tmpdir(), 'briefings-offline-'));
  const out = join(work, 'dist');
  const fixture = updatedFixture();
  const build = () => {
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      env: { ...cleanEnv(), BRIEFING_ROOT: fixture.root, BASE_PATH: BASE, OUT_DIR: out, CARDS_CACHE: join(work, 'cards'), SEARCH_CACHE: join(work, 'search') },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return (JSON.parse(readFileSync(join(out, 'offline', 'index.json'), 'utf8')) as { build: string }).build;
  };
  afterAll(() => {
    fixture.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  let oldBuild = '';
  beforeAll(() => {
    oldBuild = build();
  }, 120_000);

  it('screenshots: the update log and "what is new", in both languages', async () => {
    const server = await serve(out);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      for (const lang of ['en', 'ar']) {
        await page.goto(server.url(`/${lang}/briefings/sample/`));
        await page.locator('#updates').scrollIntoViewIfNeeded();
        await page.locator('section[aria-labelledby="updates"]').screenshot({ path: `test-results/screenshots/update-log-${lang}.png` });
        await page.locator('header.prose').screenshot({ path: `test-results/screenshots/updated-stamp-${lang}.png` });
        await page.goto(server.url(`/${lang}/`));
        await page.locator('section[aria-labelledby="whats-new"]').screenshot({ path: `test-results/screenshots/whats-new-${lang}.png` });
      }
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it('after a rebuild with a changed title, the new title appears once online, and offline copies follow', async () => {
    let server: Served = await serve(out);
    const port = Number(new URL(server.origin).port);
    const { context, page, problems } = await session();
    const briefing = server.url('/en/briefings/sample/');
    const cacheNames = () => page.evaluate(() => caches.keys());
    try {
      await page.goto(server.url('/en/about/'));
      await page.getByRole('button', { name: 'Make available offline' }).click();
      await expect.poll(() => page.locator('[data-offline-status]').textContent(), { timeout: 60_000 }).toMatch(/available offline/);
      await page.goto(briefing);
      expect(await rendered(page)).toMatchObject({ h1: 'Turkey ready to join' });
      await server.stop();
      await page.reload();
      expect(await rendered(page)).toMatchObject({ h1: 'Turkey ready to join', styled: true });

      fixture.edit('content/briefings/en/sample.md', (t) => t.replace('title: "Turkey ready to join"', 'title: "Turkey says it is ready to join"'));
      const newBuild = build();
      expect(newBuild).not.toBe(oldBuild);
      server = await serve(out, port);

      // Online again: the page comes from the new build at once.
      await page.reload();
      expect(await rendered(page)).toMatchObject({ h1: 'Turkey says it is ready to join', styled: true });
      // The browser installs the new worker, which fetches the new copies; then the old caches go.
      await expect.poll(async () => (await cacheNames()).some((n) => n.includes(oldBuild)), { timeout: 60_000, interval: 500 }).toBe(false);
      expect((await cacheNames()).some((n) => n.includes(`${newBuild}:saved-en`))).toBe(true);

      await server.stop();
      // Offline: the saved copy is the new build's, for a page not opened since the rebuild too.
      await page.goto(server.url('/en/topics/turkey/'));
      expect(await page.locator('main').textContent()).toContain('Turkey says it is ready to join');
      await page.goto(briefing);
      expect(await rendered(page)).toMatchObject({ h1: 'Turkey says it is ready to join', styled: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop().catch(() => undefined);
    }
  }, 240_000);
});
