#!/usr/bin/env node
// `node scripts/bench/search-compare.mjs [--pages 2] [--every 1] <built site A> <built site B>` — the search
// pages of two built sites (each served by nginx) give the same answer to every query of the
// evaluation set (tests/search/eval.yaml) and a few broad ones: the same status line (count), the
// same results in the same order with the same meta line, excerpt and marks, on the first
// `--pages` pages of results (`--every N`: every Nth query of the set, for a quicker check). Prints each difference; exits 1 when there is one. For checking that a
// change of the page's code leaves its results as they were.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { localCertificate } from '../../tests/helpers/tls.ts';
import { settled } from '../../tests/helpers/search-page.ts';
import { PROJECT, builtSiteBase, parseArgs } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const PAGES = Number(args.pages ?? 2);
const dirs = args._.map((d) => resolve(PROJECT, d));
if (dirs.length !== 2) throw new Error('usage: search-compare.mjs [--pages 2] <site A> <site B>');
const { queries } = parse(readFileSync(join(PROJECT, 'tests/search/eval.yaml'), 'utf8'));
const EVERY = Math.max(1, Number(args.every ?? 1));
const all = [...queries.filter((_, i) => i % EVERY === 0).map((q) => [q.lang, q.q]), ['en', 'Gaza'], ['ar', 'غزة'], ['en', 'Hamas'], ['ar', 'حماس'], ['en', 'the'], ['en', 'zzzqx'], ['ar', 'قوة دولية']];
const servers = await Promise.all(dirs.map((d) => serveForLighthouse(d, builtSiteBase(d))));
const browser = await launchChromium([localCertificate().trustFlag]);
const pages = await Promise.all(servers.map(() => browser.newPage()));
let differences = 0;
try {
  for (const [lang, q] of all) {
    for (let n = 1; n <= PAGES; n++) {
      const seen = [];
      for (const [i, page] of pages.entries()) {
        await page.goto(servers[i].url(`/${lang}/search/?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`));
        const status = await settled(page);
        const results = await page.$$eval('#search-results > li', (items) => items.map((li) => [li.className, li.querySelector('a')?.getAttribute('href'), li.querySelector('.search-result__meta')?.textContent, li.querySelector('.search-result__excerpt')?.innerHTML].join(' | ')));
        seen.push(JSON.stringify({ status, results }));
      }
      if (seen[0] !== seen[1]) {
        differences++;
        console.log(`DIFFERENT ${lang} «${q}» page ${n}:\n  A ${seen[0]}\n  B ${seen[1]}`);
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
console.log(`${all.length} queries × ${PAGES} pages of results: ${differences} different`);
process.exit(differences ? 1 : 0);
