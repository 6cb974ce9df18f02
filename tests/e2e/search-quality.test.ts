/**
 * Search quality, measured in Chromium through the real search page and, on the same queries,
 * through a default-settings Pagefind index of the same built pages (made in this run).
 *
 * Three query sets:
 * - holdout: a third of tests/search/eval.yaml (tests/search/split.ts). Nothing is tuned on it;
 *   this test prints and writes only its figures, never its queries or misses;
 * - dev: the other two thirds, the set to look at while tuning;
 * - tuned: tests/search/queries.yaml, the earlier set the ranking was first tuned on.
 *
 * Reported per set and class: recall@5 and MRR, ours beside default Pagefind. Broad queries also
 * report how many different documents fill the first five results.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as pagefind from 'pagefind';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type Served } from '../helpers/nginx.ts';
import { loadQueries, split, type EvalQuery } from '../search/split.ts';
import { resultHrefs, searchFor } from '../helpers/search-page.ts';

const DIST = process.env.DIST_SUBPATH ?? '.tmp/dist-subpath';
const BASE = process.env.SUBPATH_BASE ?? '/briefings/';
const DEFAULT_PREFIX = '/default-pagefind/';

const evalSet = split(loadQueries('tests/search/eval.yaml'));
const SETS = { holdout: evalSet.holdout, dev: evalSet.dev, tuned: loadQueries('tests/search/queries.yaml') };
type SetName = keyof typeof SETS;

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

/** Our first five results, as a reader gets them: typed into the search page of the query's language. */
async function ours(pages: Record<string, Page>, query: EvalQuery): Promise<string[]> {
  const page = pages[query.lang]!;
  await searchFor(page, query.q);
  return (await resultHrefs(page)).slice(0, 5).map(toPath);
}

/** Default Pagefind's first five for every query of one language, in a page of that language (Pagefind picks its index by `<html lang>`). */
async function baseline(page: Page, queries: EvalQuery[]): Promise<string[][]> {
  // A string, so the test runner does not rewrite the browser-side dynamic import.
  const script = `(async () => {
    const pf = await import(${JSON.stringify(`${server.origin}${DEFAULT_PREFIX}pagefind.js`)});
    await pf.options({ baseUrl: ${JSON.stringify(BASE)}, bundlePath: ${JSON.stringify(`${server.origin}${DEFAULT_PREFIX}`)} });
    const out = [];
    for (const q of ${JSON.stringify(queries.map((q) => q.q))}) {
      const search = await pf.search(q);
      out.push(await Promise.all(search.results.slice(0, 5).map(async (r) => (await r.data()).url)));
    }
    return out;
  })()`;
  return ((await page.evaluate(script)) as string[][]).map((urls) => urls.map(toPath));
}

function score(expected: string[], got: string[]) {
  const recall = expected.filter((p) => got.includes(p)).length / expected.length;
  const rank = got.findIndex((p) => expected.includes(p));
  return { recall, rr: rank < 0 ? 0 : 1 / (rank + 1) };
}

/** Different documents among the results: a briefing and its source count as one. */
const documents = (got: string[]) => new Set(got.map((p) => /^\/\w+\/(?:briefings|sources)\/([^/]+)\//.exec(p)?.[1]).filter(Boolean)).size;

interface Row {
  set: SetName;
  lang: string;
  class: string;
  q: string;
  expect: string[];
  got: string[];
  ours: ReturnType<typeof score>;
  base: ReturnType<typeof score>;
}

function summarise(rows: Row[]) {
  const classes = [...new Set(rows.map((r) => r.class)).values()].sort();
  return [...classes, 'all'].map((c) => {
    const rs = rows.filter((r) => c === 'all' || r.class === c);
    const mean = (f: (r: Row) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    return {
      class: c,
      n: rs.length,
      recall: mean((r) => r.ours.recall),
      mrr: mean((r) => r.ours.rr),
      defaultRecall: mean((r) => r.base.recall),
      defaultMrr: mean((r) => r.base.rr),
    };
  });
}

const f2 = (x: number) => x.toFixed(2);

describe('search quality', () => {
  const results = {} as Record<SetName, { rows: Row[]; summary: ReturnType<typeof summarise> }>;

  beforeAll(async () => {
    const context = await browser.newContext();
    const pages: Record<string, Page> = {};
    for (const lang of ['ar', 'en']) {
      pages[lang] = await context.newPage();
      await pages[lang]!.goto(server.url(`/${lang}/search/`), { waitUntil: 'load' });
    }
    const basePages: Record<string, Page> = {};
    for (const lang of ['ar', 'en']) {
      basePages[lang] = await context.newPage();
      await basePages[lang]!.goto(server.url(`/${lang}/about/`), { waitUntil: 'load' });
    }
    for (const [name, queries] of Object.entries(SETS) as [SetName, EvalQuery[]][]) {
      const rows: Row[] = [];
      for (const lang of ['ar', 'en'] as const) {
        const mine = queries.filter((q) => q.lang === lang);
        const base = await baseline(basePages[lang]!, mine);
        for (const [i, query] of mine.entries()) {
          const got = await ours(pages, query);
          rows.push({ set: name, lang, class: query.class, q: query.q, expect: query.expect, got, ours: score(query.expect, got), base: score(query.expect, base[i]!) });
        }
      }
      results[name] = { rows, summary: summarise(rows) };
    }
    await context.close();

    const report = (Object.keys(SETS) as SetName[]).map((name) => {
      const { summary } = results[name];
      return `${name} (n=${SETS[name].length}), recall@5 / MRR, ours vs default Pagefind:\n${summary
        .map((s) => `  ${s.class.padEnd(9)} n=${String(s.n).padStart(3)}  ours ${f2(s.recall)} / ${f2(s.mrr)}   default ${f2(s.defaultRecall)} / ${f2(s.defaultMrr)}`)
        .join('\n')}`;
    });
    const broad = (name: SetName) => results[name].rows.filter((r) => r.class === 'broad').map((r) => documents(r.got));
    console.log(`\nSearch quality\n${report.join('\n')}\n  broad queries, different documents in the first five: dev ${broad('dev').join(', ')}; holdout min ${Math.min(...broad('holdout'))}`);
    for (const name of ['dev', 'tuned'] as const) {
      const misses = results[name].rows.filter((r) => r.ours.recall < 1).map((r) => `${r.lang} "${r.q}" → ${r.got.join(', ')}  (expected ${r.expect.join(', ')})`);
      if (misses.length) console.log(`  ${name} misses:\n    ${misses.join('\n    ')}`);
    }
    mkdirSync('test-results', { recursive: true });
    // The holdout's rows stay out of the file too: only its figures are written.
    writeFileSync(
      'test-results/search-quality.json',
      JSON.stringify({ holdout: { summary: results.holdout.summary }, dev: results.dev, tuned: results.tuned }, null, 2),
    );
  }, 600_000);

  it('holdout: recall@5 ≥ 0.97, and no class below default Pagefind', () => {
    const { summary } = results.holdout;
    const all = summary.find((s) => s.class === 'all')!;
    expect(all.recall, 'holdout recall@5').toBeGreaterThanOrEqual(0.97);
    const below = summary.filter((s) => s.recall < s.defaultRecall || s.mrr < s.defaultMrr).map((s) => s.class);
    expect(below, 'holdout classes below default Pagefind').toEqual([]);
  });

  it('dev and the earlier set: no class below default Pagefind', () => {
    for (const name of ['dev', 'tuned'] as const) {
      const below = results[name].summary.filter((s) => s.recall < s.defaultRecall || s.mrr < s.defaultMrr).map((s) => `${name} ${s.class}`);
      expect(below).toEqual([]);
    }
  });

  it('broad queries show at least three different documents in the first five results', () => {
    for (const name of ['dev', 'holdout'] as const) {
      const narrow = results[name].rows.filter((r) => r.class === 'broad' && documents(r.got) < 3).length;
      expect(narrow, `${name}: broad queries with fewer than three documents in the first five`).toBe(0);
    }
  });
});
