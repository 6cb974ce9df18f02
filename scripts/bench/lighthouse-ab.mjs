#!/usr/bin/env node
// `node scripts/bench/lighthouse-ab.mjs [--rounds 2] [--out .tmp/bench/lighthouse-ab.jsonl] <label>=<built site dir> …`
// — Lighthouse 13 (mobile, as `bench:lighthouse`: tests/helpers/lighthouse.ts) on the two search
// pages of several built sites, interleaved: each round audits site A's English page, site B's,
// then A's Arabic page, B's…, so the sites are compared under the same load. Each audit is appended
// to --out as one JSON line (with the load average before it), so rounds taken in several short
// runs (the team's heavy-job lock is held a few minutes at a time) add up; `--summary` prints the
// medians of everything in --out without auditing.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { runLighthouse, serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { BENCH_DIR, PROJECT, SEARCH_PAGES, builtSiteBase, ensureDir, median, parseArgs, table } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), ['summary']);
const OUT = resolve(PROJECT, args.out ?? join(BENCH_DIR, 'lighthouse-ab.jsonl'));
const ROUNDS = Math.max(1, Number(args.rounds ?? 2));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

if (!args.summary) {
  ensureDir(BENCH_DIR);
  const sites = args._.map((spec) => {
    const [label, dir] = spec.split(/=(.*)/s);
    const root = resolve(PROJECT, dir);
    const base = builtSiteBase(root);
    return { label, root, base };
  });
  for (const site of sites) site.server = await serveForLighthouse(site.root, site.base);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [lang, path] of Object.entries(SEARCH_PAGES)) {
        for (const site of sites) {
          const before = load();
          const [row] = await runLighthouse([site.server.url(path)], { chromeFlags: site.server.chromeFlags, networkFloor: true });
          const line = { time: new Date().toISOString(), site: site.label, lang, load: before, performance: row.performance, fcpMs: row.fcpMs, lcpMs: row.lcpMs, lcpNetworkMs: row.lcpNetworkMs, tbtMs: row.tbtMs, cls: row.cls };
          appendFileSync(OUT, `${JSON.stringify(line)}\n`);
          console.log(`${line.time} ${site.label} ${lang}: perf ${row.performance} LCP ${Math.round(row.lcpMs)} (network ${Math.round(row.lcpNetworkMs)}) TBT ${Math.round(row.tbtMs)} CLS ${row.cls.toFixed(3)} load ${before}`);
        }
      }
    }
  } finally {
    for (const site of sites) await site.server.stop();
  }
}

if (existsSync(OUT)) {
  const lines = readFileSync(OUT, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const keys = [...new Set(lines.map((l) => `${l.site}\t${l.lang}`))];
  console.log(`\n${OUT}: median per site and page (${lines[0]?.time} – ${lines.at(-1)?.time}; load average before each audit ${[...new Set(lines.map((l) => l.load.split(' ')[0]))].sort((a, b) => a - b).filter((_, i, a) => i === 0 || i === a.length - 1).join('–')})\n`);
  console.log(table([
    ['site', 'page', 'runs', 'perf', 'FCP ms', 'LCP ms', 'LCP, CPU→0 ms', 'TBT ms', 'CLS', 'TBT per run'],
    ...keys.map((k) => {
      const [site, lang] = k.split('\t');
      const rs = lines.filter((l) => l.site === site && l.lang === lang);
      const m = (key) => median(rs.map((r) => r[key]));
      return [site, lang, rs.length, m('performance'), Math.round(m('fcpMs')), Math.round(m('lcpMs')), Math.round(m('lcpNetworkMs')), Math.round(m('tbtMs')), m('cls').toFixed(3), rs.map((r) => Math.round(r.tbtMs)).join(', ')];
    }),
  ]));
}
