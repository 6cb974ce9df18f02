#!/usr/bin/env node
// `npm run bench:index-memory` — the search index step alone, at several bundle sizes: how much
// memory one Pagefind process takes for a bundle of N pages, which is how the build's bundle
// size (BUNDLE_PAGES in src/lib/search/documents.ts) is chosen. Not a test.
//
// Loads a corpus (a project root: content/ and seeds/, e.g. .tmp/bench/c5000 from
// scripts/bench/corpus.mjs), writes its search documents as the page build does, then runs the
// index step (scripts/index-search.mjs) with an empty cache for each bundle size, sampling the
// memory of every process it starts (scripts/bench/lib.mjs measure()).
//
// Options: --corpus <root>      default .tmp/bench/c1000
//          --pages 2500,1000    most pages per bundle, one run each (default: Infinity, i.e. one bundle)
//          --langs en           languages indexed (default en: both languages cost alike)
//          --json <file>        default .tmp/bench/index-memory.json
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BENCH_DIR, NODE, PROJECT, assertBenchPath, fmtBytes, fmtMs, machine, measure, parseArgs, table } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const root = resolve(PROJECT, args.corpus ?? '.tmp/bench/c1000');
const sizes = String(args.pages ?? 'Infinity').split(',').map(Number);
const langs = String(args.langs ?? 'en').split(',');
const work = assertBenchPath(join(BENCH_DIR, 'index-memory'));

const { loadCorpus } = await import('../../src/lib/corpus/index.ts');
const { writeSearchDocuments } = await import('../../src/lib/search/documents.ts');
let t = performance.now();
const { corpus, problems } = loadCorpus(root);
const errors = problems.filter((p) => p.severity !== 'warning');
console.log(`Loaded ${relative(PROJECT, root)} in ${fmtMs(performance.now() - t)}${errors.length ? ` (${errors.length} content problems, indexed anyway: this measures the index)` : ''}`);

const runs = [];
for (const maxPages of sizes) {
  rmSync(work, { recursive: true, force: true });
  const docs = join(work, 'docs');
  const site = join(work, 'site');
  mkdirSync(site, { recursive: true });
  t = performance.now();
  const { bundles } = writeSearchDocuments(corpus, docs, maxPages, { langs });
  const writeMs = performance.now() - t;
  const r = await measure(NODE, [join(PROJECT, 'scripts', 'index-search.mjs'), site, docs], { env: { ...process.env, SEARCH_CACHE: join(work, 'cache') } });
  if (r.code !== 0) throw new Error(`index step failed:\n${r.output.slice(-3000)}`);
  const largest = Math.max(...bundles.map((b) => b.pages));
  const run = {
    maxPages,
    bundles: bundles.length,
    pages: bundles.reduce((n, b) => n + b.pages, 0),
    largestBundle: largest,
    largestChars: Math.max(...bundles.map((b) => b.chars)),
    writeDocumentsMs: Math.round(writeMs),
    wallMs: Math.round(r.wallMs),
    pagefindCpuSec: r.processes.pagefind?.cpuSec,
    pagefindPeakRss: r.processes.pagefind?.peakRss,
    indexStepPeakRss: r.processes['search index']?.peakRss,
    peakTreeRss: r.peakTreeRss,
  };
  runs.push(run);
  console.log(`  at most ${maxPages} pages a bundle: ${run.bundles} bundle(s), largest ${largest} pages, Pagefind peak ${fmtBytes(run.pagefindPeakRss)}, ${fmtMs(run.wallMs)}`);
}
const rows = [['max pages', 'bundles', 'largest', 'Pagefind peak', 'per page (largest)', 'index step peak (tree)', 'wall', 'Pagefind CPU']];
for (const r of runs) rows.push([String(r.maxPages), String(r.bundles), String(r.largestBundle), fmtBytes(r.pagefindPeakRss), fmtBytes(r.pagefindPeakRss / r.largestBundle), fmtBytes(r.peakTreeRss), fmtMs(r.wallMs), `${r.pagefindCpuSec} s`]);
console.log(`\nSearch index step, ${relative(PROJECT, root)}, ${langs.join('+')} (load ${machine().loadavg})\n`);
console.log(table(rows));
const jsonFile = resolve(args.json ?? join(BENCH_DIR, 'index-memory.json'));
writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine: machine(), corpus: relative(PROJECT, root), langs, runs }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(`\nWrote ${relative(PROJECT, jsonFile)}`);
