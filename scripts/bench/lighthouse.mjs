#!/usr/bin/env node
// `npm run bench:lighthouse [-- <built site dir>] [--runs N]` — Lighthouse 13 (mobile profile)
// over the ten pages (home, briefing, source, topic, search × ar/en) of a built site served by
// nginx with the site's security headers and gzip, as a static host would. Reports all four
// category scores, CLS, LCP and TBT per page (the median of N runs, default 1) and the load average
// before and after: performance scores move with machine load, so they live here, not in a
// test (tests/e2e/lighthouse.test.ts asserts the other three categories and CLS). Beside LCP,
// "LCP, CPU→0" is Lighthouse's simulation of the same load with the page's CPU work taken to
// ~0: the network's share alone (round trips and bytes before the largest paint).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { LIGHTHOUSE_PAGES, runLighthouse, serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { BENCH_DIR, PROJECT, builtSiteBase, ensureDir, machine, median, parseArgs, table } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const DIR = resolve(PROJECT, args._[0] ?? 'dist');
const RUNS = Math.max(1, Number(args.runs ?? 1));
if (!existsSync(join(DIR, 'index.html'))) {
  console.error(`${DIR} has no index.html; build the site first (npm run build) or pass a built site directory.`);
  process.exit(1);
}
const BASE = builtSiteBase(DIR);
const server = await serveForLighthouse(DIR, BASE);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    console.log(`run ${i + 1}/${RUNS}`);
    runs.push(await runLighthouse(LIGHTHOUSE_PAGES.map((p) => server.url(p)), {
      chromeFlags: server.chromeFlags,
      networkFloor: true,
      onResult: (r) => console.log(`  ${decodeURI(r.url.slice(server.origin.length))}: ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo} CLS ${r.cls.toFixed(3)}`),
    }));
  }
} finally {
  await server.stop();
}
const loadAfter = load();

const rows = LIGHTHOUSE_PAGES.map((path, i) => {
  const of = (key) => median(runs.map((run) => run[i][key]));
  return {
    page: decodeURI(path),
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    cls: of('cls'),
    lcpMs: of('lcpMs'),
    lcpNetworkMs: of('lcpNetworkMs'),
    tbtMs: of('tbtMs'),
    failing: [...new Set(runs.flatMap((run) => run[i].failing))],
  };
});
console.log(`\nLighthouse 13, mobile profile, ${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`}; load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}\n`);
console.log(table([
  ['page', 'perf', 'a11y', 'best practices', 'SEO', 'CLS', 'LCP ms', 'LCP, CPU→0 ms', 'TBT ms'],
  ...rows.map((r) => [r.page, r.performance, r.accessibility, r.bestPractices, r.seo, r.cls.toFixed(3), Math.round(r.lcpMs), Math.round(r.lcpNetworkMs), Math.round(r.tbtMs)]),
]));
for (const r of rows) for (const f of r.failing) console.log(`  ${r.page}: ${f}`);
const out = join(ensureDir(BENCH_DIR), 'lighthouse.json');
writeFileSync(out, `${JSON.stringify({ machine: machine(), runs: RUNS, loadBefore, loadAfter, rows }, null, 2)}\n`);
console.log(`\nwritten ${out}`);
