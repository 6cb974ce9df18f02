/**
 * Citation previews (src/lib/citation-preview.ts) in Chromium on the nginx-served sub-path build
 * with the site's security headers: a preview opens on hover (mouse), on keyboard focus of the
 * citation and on tap (touch, 320 px: the first tap opens it, the next follows the link), shows the cited paragraph's Arabic original (and on English
 * pages the translation), its number and a link to read it in context, in view without scrolling
 * inside the frame; it moves nothing on the
 * page and stays below the line it was opened from; Escape closes it. The citation stays a link to
 * the paragraph.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { BASE, DIST, useServedSite } from '../helpers/served-site.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';

const BRIEFING = 'italy-founding-member';
const SHOTS = 'test-results/screenshots';
const served = useServedSite({ siteDirectives: `include ${resolve(DIST)}/nginx-security-headers.conf;` });
const { corpus } = loadCorpus();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function open(lang: 'ar' | 'en', options: Parameters<typeof served.browser.newContext>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(served.server.url(`/${lang}/briefings/${BRIEFING}/`), { waitUntil: 'load' });
  return { context, page, errors };
}

/** The second key point's first citation: its wrapper, link and frame. */
function citation(page: Page): { wrap: Locator; link: Locator; frame: Locator } {
  const wrap = page.locator('.key-points li').nth(1).locator('.cites > span').first();
  return { wrap, link: wrap.locator('a').first(), frame: wrap.locator('iframe') };
}

/** A finger on the middle of the citation's words (scrolled into view first if it is not in view). */
async function tapWords(page: Page, link: Locator): Promise<void> {
  const box = await link.evaluate((a) => {
    if (a.getBoundingClientRect().bottom < 0 || a.getBoundingClientRect().top > innerHeight) a.scrollIntoView({ block: 'center' });
    const r = a.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.touchscreen.tap(box.x, box.y);
}

/** Checks what the open preview shows against the corpus. */
async function expectPreviewOf(lang: 'ar' | 'en', link: Locator, frame: Locator): Promise<void> {
  await expect.poll(() => frame.isVisible()).toBe(true);
  const href = (await link.getAttribute('href'))!;
  const [, source, n] = /\/sources\/([^/]+)\/#p(\d+)$/.exec(href)!;
  expect(href).toBe(`${BASE}${lang}/sources/${source}/#p${n}`);
  const doc = (await frame.elementHandle())!.contentFrame();
  const inner = (await doc)!;
  const para = inner.locator(`#p${n}`);
  await para.waitFor({ state: 'visible' });
  const text = await para.innerText();
  const paragraph = corpus.sources.get(source!)!.paragraphs.find((p) => p.n === Number(n))!;
  expect(text).toContain(paragraph.text.split(/\s+/).slice(0, 4).join(' '));
  expect(text).toContain(`¶${n}`);
  if (lang === 'en') expect(text).toContain(corpus.sources.get(source!)!.translation.get(Number(n))!.split(/\s+/).slice(0, 5).join(' '));
  const more = para.locator('a[target="_top"]');
  expect(await more.getAttribute('href')).toBe(href);
  // The frame shows the cited paragraph first, not the ones before it.
  if (Number(n) > 1) await expect.poll(() => inner.locator(`#p${Number(n) - 1}`).isVisible()).toBe(false);
}

/** The box of the citation's words (its padding, a larger touch target on phones, left out). */
async function wordsBox(link: Locator): Promise<{ y: number; height: number }> {
  return link.evaluate((a) => {
    const range = document.createRange();
    range.selectNodeContents(a);
    const r = range.getBoundingClientRect();
    return { y: r.y, height: r.height };
  });
}

/** Nothing moves when a preview opens, and it opens below the line of the citation. */
async function layoutOf(page: Page, link: Locator): Promise<string> {
  return JSON.stringify(await page.evaluate(() => [...document.querySelectorAll('.key-points li, h2, p')].map((e) => Math.round(e.getBoundingClientRect().top))))
    + JSON.stringify(await link.boundingBox());
}

describe.each(['ar', 'en'] as const)('citation previews (%s)', (lang) => {
  it('open on mouse hover, below the citation, without moving anything', async () => {
    const { context, page, errors } = await open(lang);
    const { link, frame } = citation(page);
    await link.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await frame.isVisible()).toBe(false);
    const before = await layoutOf(page, link);
    await link.hover();
    await expectPreviewOf(lang, link, frame);
    expect(await layoutOf(page, link)).toBe(before);
    const [l, f] = [await wordsBox(link), (await frame.boundingBox())!];
    expect(f.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
    await page.screenshot({ path: `${SHOTS}/preview-${lang}-hover.png` });
    await page.mouse.move(1, 1);
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('open on keyboard focus of the citation link (Tab), which stays a link to the paragraph', async () => {
    const { context, page } = await open(lang);
    const { link, frame } = citation(page);
    // Focus whatever precedes the citation in the key point, then Tab onto the citation.
    const before = page.locator('.key-points li').nth(1).locator('a').first();
    await before.focus();
    for (let i = 0; i < 5 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectPreviewOf(lang, link, frame);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sources\/[^/]+\/#p\d+$/);
    await context.close();
  });

  it('close on Escape (hovered, focused, or with focus inside the frame) and open again on the next hover or focus', async () => {
    const { context, page, errors } = await open(lang);
    const { link, frame } = citation(page);
    await link.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // Hover: Escape hides the preview while the pointer stays on the citation.
    await link.hover();
    await expect.poll(() => frame.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    await page.mouse.move(1, 1);
    await link.hover();
    await expect.poll(() => frame.isVisible()).toBe(true);
    await page.mouse.move(1, 1);
    await expect.poll(() => frame.isVisible()).toBe(false);
    // Keyboard focus: Escape hides it, the focus stays on the citation; leaving and coming back reopens it.
    await link.focus();
    await expect.poll(() => frame.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('h1').evaluate((h) => { h.setAttribute('tabindex', '-1'); (h as HTMLElement).focus(); });
    await link.focus();
    await expect.poll(() => frame.isVisible()).toBe(true);
    // Focus inside the frame (its "read in context" link): Escape closes the frame and hands focus back to the citation.
    const inner = (await (await frame.elementHandle())!.contentFrame())!;
    await inner.locator('.preview__para:target a[target="_top"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('open on the first tap on a 320 px phone, inside the screen, below the line being read; the next tap follows the link', async () => {
    const { context, page } = await open(lang, { viewport: { width: 320, height: 740 }, hasTouch: true, isMobile: true });
    const { link, frame } = citation(page);
    await link.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const before = await layoutOf(page, link);
    const scroll = await page.evaluate(() => scrollY);
    await tapWords(page, link);
    await expectPreviewOf(lang, link, frame);
    expect(page.url()).toContain(`/briefings/${BRIEFING}/`);
    expect(await layoutOf(page, link)).toBe(before);
    expect(await page.evaluate(() => scrollY)).toBe(scroll);
    const [l, f] = [await wordsBox(link), (await frame.boundingBox())!];
    expect(f.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.x + f.width).toBeLessThanOrEqual(320);
    // The way to the source page is in view without scrolling inside the preview.
    const inner = (await (await frame.elementHandle())!.contentFrame())!;
    const more = await inner.locator('.preview__para:target a[target="_top"]').evaluate((a) => {
      const r = a.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    expect(more.top).toBeGreaterThanOrEqual(0);
    expect(more.bottom).toBeLessThanOrEqual(more.height);
    await page.screenshot({ path: `${SHOTS}/preview-${lang}-320-tap.png` });
    // A tap elsewhere closes it; a first tap again opens it, and the second one follows the link.
    await page.locator('h1').tap();
    await expect.poll(() => frame.isVisible()).toBe(false);
    await tapWords(page, link);
    await expect.poll(() => frame.isVisible()).toBe(true);
    await tapWords(page, link);
    await page.waitForURL(/\/sources\/[^/]+\/#p\d+$/);
    await context.close();
  });
});
