/**
 * axe-core (WCAG 2.0–2.2, levels A and AA) over every built page in Chromium, in both
 * languages, in light mode; a sample again in dark mode. Zero violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE, DIST, useServedSite } from '../helpers/served-site.ts';
import { readSite } from '../helpers/site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const site = useServedSite();

async function audit(page: Page, url: string): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  if (url.includes('?q=')) await page.waitForSelector('#search-results a');
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
  return violations;
}

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  it('every page, both languages, light mode', async () => {
    const built = readSite(DIST, BASE);
    const context = await site.browser.newContext({ bypassCSP: true, colorScheme: 'light' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of [...built.pages.keys(), '/ar/search/?q=%D9%82%D9%88%D9%87', '/en/search/?q=Turkey']) {
      for (const v of await audit(page, site.server.url(path))) found.push(`${path} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 600_000);

  it('a sample of pages in dark mode', async () => {
    const context = await site.browser.newContext({ bypassCSP: true, colorScheme: 'dark' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['/', '/ar/', '/en/', '/ar/briefings/miami-mediators-meeting/', '/en/sources/miami-mediators-meeting/', '/ar/topics/turkey/', '/en/timeline/', '/ar/timeline/2025-12/', '/en/timeline/topics/turkey/2025-12/', '/ar/timeline/topics/turkey/', '/ar/search/?q=%D9%82%D9%88%D9%87']) {
      for (const v of await audit(page, site.server.url(path))) found.push(`${path} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 120_000);
});
