/**
 * axe-core (WCAG 2.0–2.2, levels A and AA) over every built page in Chromium, in both
 * languages, in light mode; a sample again in dark mode. Zero violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type Served } from '../helpers/nginx.ts';
import { readSite } from '../helpers/site.ts';

const DIST = process.env.DIST_SUBPATH ?? '.tmp/dist-subpath';
const BASE = process.env.SUBPATH_BASE ?? '/briefings/';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let server: Served;
let browser: Browser;
beforeAll(async () => {
  server = await serveWithNginx(DIST, BASE);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function audit(page: Page, url: string): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  if (url.includes('?q=')) await page.waitForSelector('#search-results [role="option"]');
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
  return violations;
}

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  it('every page, both languages, light mode', async () => {
    const site = readSite(DIST, BASE);
    const context = await browser.newContext({ bypassCSP: true, colorScheme: 'light' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of [...site.pages.keys(), '/ar/search/?q=%D9%82%D9%88%D9%87', '/en/search/?q=Turkey']) {
      for (const v of await audit(page, server.url(path))) found.push(`${path} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 600_000);

  it('a sample of pages in dark mode', async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: 'dark' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['/', '/ar/', '/en/', '/ar/briefings/miami-mediators-meeting/', '/en/sources/miami-mediators-meeting/', '/ar/topics/turkey/', '/en/timeline/', '/ar/search/?q=%D9%82%D9%88%D9%87']) {
      for (const v of await audit(page, server.url(path))) found.push(`${path} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 120_000);
});
