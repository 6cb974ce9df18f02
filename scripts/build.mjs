#!/usr/bin/env node
// Builds the site into a staging directory and swaps it into dist/ only when the whole build
// (pages, search index, images) succeeded, so a failed build never leaves a half-written site.
//
// Steps, each its own process: `astro build` (pages, feeds, social cards in a child process of
// their own, images, and, as it starts, the search index's documents), the search index
// (scripts/index-search.mjs), which reads those documents and never loads the corpus, and last
// the offline manifest (scripts/offline-manifest.mjs), which lists the index's files (it scans the
// pages while the index is written, once the page build is over, if memory allows). The index
// step is planned once, when the pages start to render (src/lib/search/index-memory.ts,
// indexPlan): the documents are written, the page build has given back the memory of its corpus
// load, and the cards' process has exited (a third busy process on two cores slows the pages).
// It starts then, beside the pages, if the page build's predicted memory while it renders plus
// one index job fits the memory budget (BUILD_MEMORY_MB, default 3,584 MB): every page's, or,
// where the page build renders from the cache of a build with the same inputs (an edit), that of
// the pages it may render beside the index step, a limit it is given and holds to (it waits for
// the index step past it: src/lib/corpus/render-count.ts). Otherwise once the page build has
// exited, then indexing two bundles at a time when two fit the budget (and two or more need
// indexing). It writes its bundles into a folder of its own, moved into the site when both steps
// are done (Astro owns its output folder while it builds).
//
// The last site is renamed aside when the new one goes in, and deleted after this script has
// exited, by a process of its own, with the search documents (at 5,000 sources, deleting them
// took 26 s of a one-edit build, with the new site already in place). A build removes what
// earlier builds left of theirs while its pages build.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { descendants } from './lib/process-tree.mjs';
import { PAGES_RENDERING, buildMemoryBudget, indexJobsNow, indexPlan, offlineScanBesideIndex, pagesRenderingFile } from '../src/lib/search/index-memory.ts';
import { INDEX_DONE, PAGES_BESIDE_INDEX, RENDER_COUNT, renderCountFile } from '../src/lib/corpus/render-count.ts';
import { signalText, writeSignal } from '../src/lib/signal-files.ts';
import { bundlesToIndex, indexJobBytes } from '../src/lib/search/bundles-to-index.ts';

const target = resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${target}.staging`;
const docs = `${target}.search`;
// The index step's output: its pagefind/ folder goes into the staging folder at the end.
const indexed = `${target}.index`;
// Written by the page build once the cards' process is over (src/integrations/social-cards.ts).
const cardsDone = `${target}.cards-done`;
for (const dir of [staging, docs, indexed, cardsDone]) rmSync(dir, { recursive: true, force: true });
// Earlier builds' last sites (`dist.previous…`) whose removal was cut short, or is still running:
// removed beside this build (errors ignored: a removal running at the same time may win).
const trashName = `${basename(target)}.previous`;
const leftovers = existsSync(dirname(target)) ? readdirSync(dirname(target)).filter((name) => name.startsWith(trashName)) : [];
const clearing = Promise.all(leftovers.map((name) => rm(join(dirname(target), name), { recursive: true, force: true }).catch(() => {})));

const budget = buildMemoryBudget();

// BUILD_STAGING: the page build may fill the fresh staging folder with hard links to its cached
// pages (src/lib/corpus/linked-pages.ts) instead of copying them.
const env = { ...process.env, OUT_DIR: staging, SEARCH_DOCS: docs, CARDS_DONE_FILE: cardsDone, BUILD_STAGING: '1' };
const run = (args, extra = {}, stdio = 'inherit') => {
  const child = spawn(process.execPath, args, { stdio, env: { ...env, ...extra } });
  child.done = new Promise((res) => child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0))));
  return child;
};

/**
 * The output of a step running beside the page build, held until `release()`: Astro writes each
 * line of its page list in two parts ("├─ /en/index.html", then " (+12ms)"), so a line written
 * between them splits it, and whoever reads the list (tests, people) misses that page.
 */
function heldOutput(child) {
  const held = [];
  let holding = true;
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    from.on('data', (chunk) => (holding ? held.push([to, chunk]) : to.write(chunk)));
  }
  return () => {
    holding = false;
    for (const [to, chunk] of held.splice(0)) to.write(chunk);
  };
}

/** Resident memory of a process and all its descendants; Infinity where /proc cannot tell. */
function treeRss(pid) {
  try {
    let rss = 0;
    for (const p of descendants(pid)) {
      try {
        rss += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
      } catch {}
    }
    return rss;
  } catch {
    return Infinity;
  }
}

const astro = run([resolve('node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)]);
let astroExit;
astro.done.then((code) => (astroExit = code));
// Wait until the page build renders (its PAGES_RENDERING file, written after the documents and,
// where the index step may run beside the pages, after it has given back its corpus load's
// memory), or ends.
const manifest = join(docs, 'manifest.json');
const rendering = join(docs, PAGES_RENDERING);
while (astroExit === undefined && !existsSync(rendering)) await new Promise((r) => setTimeout(r, 200));
/** Whether the cards' process (src/lib/cards/build.ts), started by the page build before the documents, is still running. */
const cardsRunning = () => !existsSync(cardsDone);
const readBundles = () => JSON.parse(readFileSync(manifest, 'utf8')).bundles;
// The bundles the index step will index (the others come from its cache) and one job's memory.
const searchCache = resolve(process.env.SEARCH_CACHE ?? '.cache/search');
const toIndex = (bundles) => bundlesToIndex(bundles, searchCache);
const jobBytesOf = (bundles) => indexJobBytes(bundles, searchCache);
/** Bundles to index at a time if the index step starts now (0: not now), the page build holding `pageBuildBytes`. */
const plan = (bundles, pageBuildBytes) =>
  Math.min(indexJobsNow({ budget, cores: availableParallelism(), pageBuildBytes, jobBytes: jobBytesOf(bundles) }), Math.max(1, toIndex(bundles).length));
let indexJobs = 1;
const startIndex = (jobs, stdio) => {
  indexJobs = process.env.SEARCH_INDEX_JOBS ? Number(process.env.SEARCH_INDEX_JOBS) : jobs;
  return run([resolve('scripts/index-search.mjs'), indexed, docs], process.env.SEARCH_INDEX_JOBS ? {} : { SEARCH_INDEX_JOBS: String(jobs) }, stdio);
};
let index;
let releaseIndexOutput = () => {};
// The pages the page build may render beside the index step (indexPlan), if it has a limit.
let pagesBeside;
if (existsSync(manifest) && astroExit === undefined) {
  const bundles = readBundles();
  const planNow = () =>
    indexPlan({
      budget,
      cores: availableParallelism(),
      jobBytes: jobBytesOf(bundles),
      documents: bundles.reduce((n, b) => n + b.pages, 0),
      fromCache: pagesRenderingFile(signalText(rendering)).fromCache,
      cardsRunning: cardsRunning(),
      treeBytes: treeRss(astro.pid),
    });
  let decided = planNow();
  if (decided === 'after the cards') {
    while (astroExit === undefined && cardsRunning()) await new Promise((r) => setTimeout(r, 200));
    decided = astroExit === undefined ? planNow() : { jobs: 0 };
  }
  // BUILD_PAGES_BESIDE_INDEX (tests, experiments): where the page build renders from its cache,
  // the index step starts beside it with this limit of pages, whatever the memory plan says.
  const forced = process.env.BUILD_PAGES_BESIDE_INDEX;
  if (forced !== undefined && astroExit === undefined && !cardsRunning() && pagesRenderingFile(signalText(rendering)).fromCache) decided = { jobs: 1, pages: Number(forced) };
  if (decided !== 'after the cards' && decided.jobs > 0) {
    // The limit first: the page build counts its pages from its first and reads it before each.
    pagesBeside = decided.pages;
    if (pagesBeside !== undefined) {
      // Whole or not at all (writeSignal): the page build reads it as soon as it is there.
      writeSignal(join(docs, PAGES_BESIDE_INDEX), { pages: pagesBeside });
    }
    index = startIndex(Math.min(decided.jobs, Math.max(1, toIndex(bundles).length)), ['ignore', 'pipe', 'pipe']);
    releaseIndexOutput = heldOutput(index);
    // Pages waiting past the limit go on once it is over, whatever its exit.
    if (pagesBeside !== undefined)
      index.done.then(() => {
        try {
          writeFileSync(join(docs, INDEX_DONE), '');
        } catch {}
      });
  }
}
let status = await astro.done;
rmSync(cardsDone, { force: true });
if (pagesBeside !== undefined) {
  // What the page build rendered beside the index step (render-count.ts).
  const count = renderCountFile(signalText(join(docs, RENDER_COUNT)));
  const waited = count?.waitedMs ? `, waited ${(count.waitedMs / 1000).toFixed(1)} s for it past ${pagesBeside} page(s)` : '';
  console.log(`[search-index] started beside the page build, which renders ${count ? `${count.pages} page(s) from its cache${count.rendered > count.pages ? ` (${count.rendered} rendered)` : ''}` : 'an unknown number of page(s)'}, up to ${pagesBeside} beside the index step${waited}`);
}
releaseIndexOutput();
// The offline manifest, when it scans the pages beside the index step (see below).
let offline;
if (status === 0) {
  index ??= startIndex(existsSync(manifest) ? plan(readBundles(), 0) : 1);
  // The pages are final once the page build has exited: the offline manifest scans them (most of
  // its work: 10 s of a one-edit build at 5,000 sources) while the index is written, where the
  // memory budget holds both, and finishes once the index is in the site (it lists its files).
  if (existsSync(manifest) && offlineScanBesideIndex({ budget, jobBytes: jobBytesOf(readBundles()), jobs: indexJobs })) {
    offline = run([resolve('scripts/offline-manifest.mjs'), staging, '--wait'], {}, ['pipe', 'inherit', 'inherit']);
    // If it has failed already, writing to it fails too; its exit code says so.
    offline.stdin.on('error', () => {});
  }
  status = await index.done;
} else if (index) {
  index.kill();
  await index.done;
}
if (status === 0 && existsSync(join(indexed, 'pagefind'))) {
  mkdirSync(staging, { recursive: true });
  renameSync(join(indexed, 'pagefind'), join(staging, 'pagefind'));
}
rmSync(indexed, { recursive: true, force: true });
// Last: the offline manifest lists the search index's files and hashes what the worker stores.
if (offline) {
  // Without `go` (the index failed) it exits without writing.
  offline.stdin.end(status === 0 ? 'go\n' : '');
  const offlineStatus = await offline.done;
  if (status === 0) status = offlineStatus;
} else if (status === 0) status = await run([resolve('scripts/offline-manifest.mjs'), staging]).done;
if (status !== 0) {
  rmSync(docs, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${existsSync(target) ? `the last good site in ${target} is unchanged` : 'nothing was written'}.`);
  process.exit(status);
}
await clearing;
// The last site and the search documents are renamed aside (one folder), and deleted later.
const trash = `${target}.previous-${process.pid}-${Date.now()}`;
if (existsSync(docs)) renameSync(docs, trash);
else mkdirSync(trash);
if (existsSync(target)) renameSync(target, join(trash, 'last-site'));
renameSync(staging, target);
console.log(`\nSite written to ${target}`);
// Deleted after this script has exited (the next build removes it if that is cut short).
spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', trash], { detached: true, stdio: 'ignore' }).unref();
