/**
 * Search quality: runs the query set (tests/search/queries.yaml) in Chromium through the real
 * search page, and the same queries against a default-settings Pagefind index of the same
 * pages built in this run; reports recall@5 and MRR per query class for both.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type Served } from '../helpers/nginx.ts';

const DIST = process.env.DIST_SUBPATH ?? '.tmp/dist-subpath';
const BASE = process.env.SUBPATH_BASE ?? '/briefings/';
const DEFAULT_PREFIX = '/default-pagefind/';

interface Query { lang: 'ar' | 'en'; class: string; q: string; expect: string[] }
const { queries } = parse(readFileSync('tests/search/queries.yaml', 'utf8')) as { queries: Query[] };

let server: Served;
let browser: Browser;
let defaultIndex: string;

beforeAll(async () => {
  defaultIndex = mkdtempSync(join(tmpdir(), 'pagefind-default-'));
  const { index } = await pagefind.createIndex();
  await index!.addDirectory({ path: DIST });
  await index!.writeFiles({ outputPath: defaultIndex });
  await pagefind.close();
  server = await serveWithNginx(DIST, BASE, { aliases: { [DEFAULT_PREFIX]: defaultIndex } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(defaultIndex, { recursive: true, force: true });
});

const toPath = (href: string) => new URL(href, server.origin).pathname.replace(BASE, '/');

async function ours(page: Page, query: Query): Promise<string[]> {
  await page.goto(`${server.url(`/${query.lang}/search/`)}?q=${encodeURIComponent(query.q)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return s !== '' && !s.includes('…');
  });
  return (await page.$$eval('#search-results [role="option"]', (os) => os.map((o) => (o as HTMLElement).dataset.href!))).slice(0, 5).map(toPath);
}

async function baseline(page: Page, query: Query): Promise<string[]> {
  await page.goto(server.url(`/${query.lang}/about/`), { waitUntil: 'load' });
  // A string, so the test runner does not rewrite the browser-side dynamic import.
  const script = `(async () => {
    const pf = await import(${JSON.stringify(`${server.origin}${DEFAULT_PREFIX}pagefind.js`)});
    await pf.options({ baseUrl: ${JSON.stringify(BASE)}, bundlePath: ${JSON.stringify(`${server.origin}${DEFAULT_PREFIX}`)} });
    const search = await pf.search(${JSON.stringify(query.q)});
    return Promise.all(search.results.slice(0, 5).map(async (r) => (await r.data()).url));
  })()`;
  const urls = (await page.evaluate(script)) as string[];
  return urls.map(toPath);
}

function score(expected: string[], got: string[]) {
  const recall = expected.filter((p) => got.includes(p)).length / expected.length;
  const rank = got.findIndex((p) => expected.includes(p));
  return { recall, rr: rank < 0 ? 0 : 1 / (rank + 1) };
}

describe('search quality', () => {
  it('our search beats a default Pagefind index on every class and reaches recall@5 ≥ 0.95', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const page = await browser.newPage();
    const rows: { lang: string; class: string; q: string; ours: ReturnType<typeof score>; base: ReturnType<typeof score>; got: string[] }[] = [];
    for (const query of queries) {
      const got = await ours(page, query);
      const base = await baseline(page, query);
      rows.push({ lang: query.lang, class: query.class, q: query.q, ours: score(query.expect, got), base: score(query.expect, base), got });
    }
    await page.close();
    const classes = [...new Set(rows.map((r) => r.class)), 'all'];
    const summary = classes.map((c) => {
      const rs = rows.filter((r) => c === 'all' || r.class === c);
      const mean = (f: (r: (typeof rows)[number]) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
      return { class: c, n: rs.length, recall: mean((r) => r.ours.recall), mrr: mean((r) => r.ours.rr), defaultRecall: mean((r) => r.base.recall), defaultMrr: mean((r) => r.base.rr) };
    });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/search-quality.json', JSON.stringify({ summary, rows }, null, 2));
    console.log(`\nSearch quality (recall@5 / MRR), ours vs default Pagefind:\n${summary.map((s) => `  ${s.class.padEnd(8)} n=${String(s.n).padStart(2)}  ours ${s.recall.toFixed(2)} / ${s.mrr.toFixed(2)}   default ${s.defaultRecall.toFixed(2)} / ${s.defaultMrr.toFixed(2)}`).join('\n')}`);
    const misses = rows.filter((r) => r.ours.recall < 1).map((r) => `${r.lang} "${r.q}" → ${r.got.join(', ')}`);
    if (misses.length) console.log(`  missed:\n    ${misses.join('\n    ')}`);
    for (const s of summary) {
      expect(s.recall, `${s.class} recall`).toBeGreaterThanOrEqual(s.defaultRecall);
      expect(s.mrr, `${s.class} MRR`).toBeGreaterThanOrEqual(s.defaultMrr);
    }
    const all = summary.find((s) => s.class === 'all')!;
    expect(all.recall).toBeGreaterThan(all.defaultRecall);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
  }, 240_000);
});
