#!/usr/bin/env node
// `npm run bench:search` — search cost and latency in a real browser (not a test).
//
// Builds the site into .tmp/bench/site (OUT_DIR=.tmp/bench/site node scripts/build.mjs, with
// the build's caches kept under .tmp/bench/site-cache), serves it on 127.0.0.1, and drives
// Debian's Chromium through playwright-core to /ar/search/ and /en/search/, in two settings:
//   local    the benchmark's static server (files uncompressed), no network emulation;
//   mobile   nginx with gzip (as a compressing host serves it) and Chromium's network emulation
//            at 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (CDP
//            Network.emulateNetworkConditions), from a cold cache.
// For each language and setting:
//   first query  the reader focuses the search box (which starts loading the engine) and types
//                the first query: requests and bytes until its results are rendered, time from
//                the last keystroke to results and from the focus to results;
//   later        ~20 further queries typed one after another: last keystroke → results
//                (median, p90); the page waits 80 ms after the last keystroke (debounce);
//   filter       a few queries with a filter chosen (--filter type|topic|outlet, default topic;
//                its second value): the topic filter is the page's own, from a page list.
// A result counts when the page marks its results with the URL of the whole query
// (#search-results[data-shown]), so a search started by a pause in typing never counts.
//
// Options: --dir <built site>   measure an existing build instead (e.g. .tmp/bench/5000/dist)
//          --no-build           reuse .tmp/bench/site as it is
//          --code head|worktree build a frozen copy of the code (default: the live project)
//          --delay <ms>         pause between keystrokes (default 60 locally, 150 on mobile)
//          --filter <key>       the filter chosen for the "filter" measurement (default topic)
//          --network local|mobile|both   (default both)
//          --index-corpus <root>  first re-index the site's search from this project root's
//                               content (e.g. .tmp/bench/5000, from scripts/bench/corpus.mjs), so
//                               a small site's pages measure a large corpus's search; content
//                               problems are listed and do not stop it (this measures search)
//          --fragments 1,4,8    measure Pagefind's maxFragments instead: re-index the site (from
//                               --index-corpus or this project) with that many pages per fragment
//                               file and report requests and bytes of first queries (see
//                               --fragment-queries) for each
//          --bundle-pages N     with --index-corpus or --fragments: split each language's index
//                               into bundles of at most N pages, merged by the search page
//          --langs ar,en        languages measured (default both)
//          --json <file>        default .tmp/bench/search.json
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, NODE, PROJECT, assertBenchPath, codeSnapshot, dirSize, ensureDir, fmtBytes, fmtMs, median, parseArgs, percentile, table } from './lib.mjs';
import { launchChromium, serve } from './server.mjs';
import { serveWithNginx } from '../../tests/helpers/nginx.ts';

const args = parseArgs(process.argv.slice(2), ['no-build']);
const FILTER_QUERIES = Number(args['filter-queries'] ?? 8);
const FILTER = ['type', 'topic', 'outlet'].includes(args.filter) ? args.filter : 'topic';
const NETWORKS = args.network === 'local' || args.network === 'mobile' ? [args.network] : ['local', 'mobile'];
const LANGS = String(args.langs ?? 'ar,en').split(',');
/** 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const MOBILE = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0, connectionType: 'cellular4g' };
/** --bundle-pages N: most pages per search bundle when re-indexing (default: one bundle per language). */
const BUNDLE_PAGES = args['bundle-pages'] ? Number(args['bundle-pages']) : Infinity;
const delayFor = (network) => Number(args.delay ?? (network === 'mobile' ? 150 : 60));

const QUERIES = {
  ar: ['تركيا', 'قوة الاستقرار', 'باكستان', 'حماس', 'مجلس السلام', 'غزة', 'إيطاليا', 'البنتاغون', 'ميامي', 'نزع السلاح', 'الشرطة الفلسطينية', 'مصر', 'قطر', 'إسرائيل', 'ترامب', 'إعادة الإعمار', 'مجلس الأمن', 'المساعدات الإنسانية', 'الخط الأصفر', 'معبر رفح', 'Turkey'],
  en: ['Turkey', 'stabilization force', 'Pakistan', 'Hamas', 'Board of Peace', 'Gaza', 'Italy', 'Pentagon', 'Miami', 'disarmament', 'Palestinian police', 'Egypt', 'Qatar', 'Israel', 'Trump', 'reconstruction', 'Security Council', 'humanitarian aid', 'yellow line', 'Rafah crossing', 'تركيا'],
};

function buildSite() {
  const out = assertBenchPath(join(BENCH_DIR, 'site'));
  const cache = assertBenchPath(join(BENCH_DIR, 'site-cache'));
  const code = codeSnapshot(args.code ?? 'live');
  console.log(`Building the site (${code.label}) into ${relative(PROJECT, out)} …`);
  const t = performance.now();
  const r = spawnSync(NODE, ['scripts/build.mjs', '--config', 'scripts/bench/astro.config.mjs'], {
    cwd: code.dir,
    env: { ...process.env, OUT_DIR: out, BENCH_CACHE_DIR: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images'), SEARCH_CACHE: join(cache, 'search') },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) {
    console.error(`${r.stdout}\n${r.stderr}`.split('\n').slice(-30).join('\n'));
    throw new Error('build failed');
  }
  console.log(`  built in ${fmtMs(performance.now() - t)}`);
  return out;
}

/** In-page probe: time of the last keystroke and of the rendered results of the whole query. */
function installProbe() {
  const input = document.querySelector('#search-q');
  const list = document.querySelector('#search-results');
  const status = document.querySelector('#search-status');
  const probe = { lastKey: 0, done: null, frame: null, results: 0, status: '', expected: '' };
  window.__probe = probe;
  // `input`, not `keydown`: Playwright types characters that are not on a US keyboard (all of
  // Arabic) with insertText, which fires input events but no key events.
  input.addEventListener('input', () => (probe.lastKey = performance.now()), true);
  new MutationObserver(() => {
    if (probe.done !== null || !probe.expected) return;
    const shown = list.dataset.shown ?? '';
    if (new URL(shown, location.href).searchParams.get('q') !== probe.expected) return;
    probe.done = performance.now();
    probe.results = list.children.length;
    probe.status = status.textContent ?? '';
    requestAnimationFrame(() => (probe.frame = performance.now()));
  }).observe(list, { attributes: true, attributeFilter: ['data-shown'] });
}

async function context(browser, network) {
  const ctx = await browser.newContext({ viewport: network === 'mobile' ? { width: 412, height: 823 } : { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  if (network === 'mobile') {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE);
  }
  return { ctx, page };
}

/**
 * What the server would send: gzip where a compressing host would apply it; Pagefind's own files
 * are gzip already and go as they are. From the file, not from Chromium's response sizes, which
 * are not there for a response taken from a preload (and come out negative).
 */
function wireBytes(server, url, bodyBytes) {
  const file = server.fileFor(new URL(url).pathname);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return bodyBytes;
  return /\.pf_\w+$/.test(file) ? statSync(file).size : gzipSync(readFileSync(file)).length;
}

async function requestsOf(list, server) {
  const out = [];
  for (const { req } of list) {
    const sizes = await req.sizes().catch(() => null);
    const body = sizes?.responseBodySize ?? 0;
    const path = new URL(req.url()).pathname;
    out.push({ path, bodyBytes: body, gzipBytes: wireBytes(server, req.url(), body) });
  }
  return out;
}

async function measureLang(browser, server, lang, network) {
  const { ctx, page } = await context(browser, network);
  const DELAY = delayFor(network);
  const requests = [];
  let recording = false;
  page.on('request', (req) => recording && requests.push({ req }));
  await page.goto(new URL(`${lang}/search/`, server.url).href, { waitUntil: 'networkidle' });
  await page.evaluate(installProbe);
  const done = () => page.waitForFunction(() => window.__probe.done !== null && window.__probe.frame !== null, null, { timeout: 60000 });
  const expect = (q) => page.evaluate((q) => Object.assign(window.__probe, { lastKey: 0, done: null, frame: null, results: 0, status: '', expected: q }), q);

  // First query: focus (the engine starts loading), type, results.
  const [first, ...rest] = QUERIES[lang];
  await expect(first);
  recording = true;
  const started = await page.evaluate(() => performance.now());
  await page.click('#search-q');
  await page.keyboard.type(first, { delay: DELAY });
  await done();
  recording = false;
  const p = await page.evaluate(() => ({ ...window.__probe }));
  const files = (await requestsOf(requests, server)).filter((f) => !/favicon|apple-touch-icon|webmanifest/.test(f.path));
  const firstQuery = {
    query: first,
    requests: files.length,
    bodyBytes: files.reduce((a, f) => a + f.bodyBytes, 0),
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
    msFromLastKey: p.frame - p.lastKey,
    msFromFocus: p.frame - started,
    results: p.results,
    status: p.status,
    files,
  };

  const typeQuery = async (q) => {
    await page.fill('#search-q', '');
    await page.focus('#search-q');
    await expect(q);
    requests.length = 0;
    recording = true;
    await page.keyboard.type(q, { delay: DELAY });
    await done();
    recording = false;
    const r = await page.evaluate(() => ({ ...window.__probe }));
    const fs = await requestsOf(requests, server);
    return { query: q, ms: r.frame - r.lastKey, results: r.results, requests: fs.length, bytes: fs.reduce((a, f) => a + f.gzipBytes, 0) };
  };
  const samples = [];
  for (const q of rest) samples.push(await typeQuery(q));

  await page.selectOption(`#filter-${FILTER}`, { index: 2 });
  const withFilter = [];
  for (const q of rest.slice(0, FILTER_QUERIES)) withFilter.push(await typeQuery(q));
  await ctx.close();
  const ms = samples.map((s) => s.ms);
  return {
    lang,
    network,
    firstQuery,
    samples,
    withFilter,
    summary: {
      medianMs: median(ms),
      p90Ms: percentile(ms, 90),
      medianRequests: median(samples.map((s) => s.requests)),
      medianBytes: median(samples.map((s) => s.bytes)),
      zeroResults: samples.filter((s) => s.results === 0).length,
      filterMedianMs: median(withFilter.map((s) => s.ms)),
    },
  };
}

async function servers(dir, base) {
  return {
    local: await serve(dir, base),
    mobile: await (async () => {
      const served = await serveWithNginx(dir, base, { siteDirectives: 'gzip on; gzip_types text/css application/javascript text/javascript application/json application/wasm image/svg+xml;' });
      return { url: served.url('/'), close: () => served.stop(), fileFor: (pathname) => (pathname.startsWith(base) ? join(dir, decodeURIComponent(pathname.slice(base.length))) : undefined) };
    })(),
  };
}

/** Serves a built site both ways (see the header) to `use(served, browser)`, then stops both. */
async function withSite(dir, use) {
  const home = readFileSync(join(dir, 'index.html'), 'utf8');
  const base = /href="([^"]*?)_astro\/[^"]+\.css"/.exec(home)?.[1] ?? '/';
  const served = await servers(dir, base);
  const browser = await launchChromium();
  try {
    return await use(served, browser);
  } finally {
    await browser.close();
    await served.local.close();
    await served.mobile.close();
  }
}

function measureSite(dir) {
  return withSite(dir, async (served, browser) => {
    const results = [];
    for (const network of NETWORKS) {
      for (const lang of LANGS) {
        process.stdout.write(`Measuring /${lang}/search/ (${network}) … `);
        results.push(await measureLang(browser, served[network], lang, network));
        console.log('done');
      }
    }
    return results;
  });
}

function report(dir, results) {
  const index = dirSize(join(dir, 'pagefind'));
  console.log(`\nSite ${relative(PROJECT, dir)} (search bundles ${fmtBytes(index.bytes)} in ${index.files} files); local: uncompressed, keys every ${delayFor('local')} ms; mobile: gzip, 150 ms RTT, 1.6 Mbit/s, keys every ${delayFor('mobile')} ms; 80 ms debounce included\n`);
  const rows = [['page', 'network', 'first query', 'requests', 'bytes (gzip)', 'last key → results', 'focus → results', 'later: median', 'p90', 'later: requests, bytes', `${FILTER} filter: median`]];
  for (const r of results) {
    rows.push([
      `/${r.lang}/search/`,
      r.network,
      r.firstQuery.query,
      String(r.firstQuery.requests),
      fmtBytes(r.firstQuery.gzipBytes),
      fmtMs(r.firstQuery.msFromLastKey),
      fmtMs(r.firstQuery.msFromFocus),
      fmtMs(r.summary.medianMs),
      fmtMs(r.summary.p90Ms),
      `${r.summary.medianRequests}, ${fmtBytes(r.summary.medianBytes)}`,
      fmtMs(r.summary.filterMedianMs),
    ]);
  }
  console.log(table(rows));
  for (const r of results.filter((x) => x.network === 'local')) {
    console.log(`\n/${r.lang}/search/ first query "${r.firstQuery.query}": ${r.firstQuery.results} results shown ("${r.firstQuery.status}")`);
    const byKind = new Map();
    for (const f of r.firstQuery.files) {
      const kind = /\.pf_fragment$/.test(f.path) ? 'fragments' : /\.pf_index$/.test(f.path) ? 'index chunks' : /\.pf_meta$/.test(f.path) ? 'metadata' : /\.pf_filter$/.test(f.path) ? 'filters' : /wasm/.test(f.path) ? 'wasm' : f.path.replace(/^.*\//, '');
      const e = byKind.get(kind) ?? { n: 0, bytes: 0 };
      e.n += 1;
      e.bytes += f.gzipBytes;
      byKind.set(kind, e);
    }
    for (const [kind, e] of byKind) console.log(`  ${String(e.n).padStart(3)} × ${kind.padEnd(28)} ${fmtBytes(e.bytes)}`);
  }
}

/** First queries (each from a cold cache) of one bundle: requests and bytes, fragments apart. */
function firstQueries(dir, lang, queries) {
  return withSite(dir, async (served, browser) => {
    const rows = [];
    for (const q of queries) {
      for (const network of ['local', 'mobile']) {
        const { ctx, page } = await context(browser, network);
        const requests = [];
        page.on('request', (req) => requests.push({ req }));
        const server = served[network];
        const t0 = Date.now();
        await page.goto(`${new URL(`${lang}/search/`, server.url).href}?q=${encodeURIComponent(q)}`);
        await page.waitForFunction((q) => new URL(document.querySelector('#search-results')?.dataset.shown ?? '/', location.href).searchParams.get('q') === q, q, { timeout: 120000 });
        const ms = Date.now() - t0;
        const files = (await requestsOf(requests, server)).filter((f) => f.path.includes('/pagefind/'));
        const frag = files.filter((f) => f.path.endsWith('.pf_fragment'));
        rows.push({ q, network, ms, requests: files.length, bytes: files.reduce((a, f) => a + f.gzipBytes, 0), fragments: frag.length, fragmentBytes: frag.reduce((a, f) => a + f.gzipBytes, 0) });
        await ctx.close();
      }
    }
    return rows;
  });
}

/** The corpus of a project root, for measuring: content problems are reported, not fatal. */
async function benchCorpus(root) {
  const { loadCorpus } = await import('../../src/lib/corpus/index.ts');
  const { corpus, problems } = loadCorpus(resolve(PROJECT, root));
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length) console.log(`  ${root}: ${errors.length} content problems (e.g. ${errors[0].message}); indexed anyway, to measure search`);
  return corpus;
}

/** Re-indexes a built site's search as the build does: documents from the corpus, then the index step. */
async function reindex(corpus, dir, options) {
  const { writeSearchDocuments } = await import('../../src/lib/search/documents.ts');
  const { writeSearchIndexes } = await import('../../src/lib/search/write-index.ts');
  const docs = join(BENCH_DIR, 'search-reindex-docs');
  const cache = join(BENCH_DIR, 'search-reindex-cache');
  writeSearchDocuments(corpus, docs, BUNDLE_PAGES, options);
  const done = await writeSearchIndexes(docs, dir, cache);
  for (const d of [docs, cache]) rmSync(d, { recursive: true, force: true });
  console.log(`  indexed ${done.map((b) => `${b.name} ${b.pages} pages in ${fmtMs(b.ms)}`).join(', ')}`);
}

async function fragmentsExperiment(dir) {
  const values = String(args.fragments).split(',').map(Number).filter((n) => n > 0);
  const queries = (args['fragment-queries'] ? String(args['fragment-queries']).split('|') : null) ?? QUERIES[LANGS[0]].slice(0, 8);
  const lang = LANGS[0];
  const work = assertBenchPath(join(BENCH_DIR, 'fragments'));
  rmSync(work, { recursive: true, force: true });
  cpSync(dir, work, { recursive: true });
  const corpus = await benchCorpus(args['index-corpus'] ?? '.');
  const out = [];
  for (const per of values) {
    console.log(`Indexing ${lang} with ${per} page(s) per fragment file …`);
    await reindex(corpus, work, { langs: [lang], pagesPerFragmentFile: per });
    const bundle = dirSize(join(work, 'pagefind', lang, 'fragment'));
    const rows = await firstQueries(work, lang, queries);
    const of = (network) => rows.filter((x) => x.network === network);
    const mean = (xs, f) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
    out.push({
      pagesPerFile: per,
      fragmentFiles: bundle.files,
      local: { requests: mean(of('local'), (x) => x.requests), bytes: mean(of('local'), (x) => x.bytes), fragments: mean(of('local'), (x) => x.fragments), fragmentBytes: mean(of('local'), (x) => x.fragmentBytes) },
      mobileMs: median(of('mobile').map((x) => x.ms)),
      rows,
    });
  }
  const rows = [['pages per file', 'fragment files', 'first query: requests', 'bytes (gzip)', 'of which fragments', 'fragment bytes', 'mobile: load → results (median)']];
  for (const o of out) rows.push([String(o.pagesPerFile), String(o.fragmentFiles), o.local.requests.toFixed(1), fmtBytes(o.local.bytes), o.local.fragments.toFixed(1), fmtBytes(o.local.fragmentBytes), fmtMs(o.mobileMs)]);
  console.log(`\nmaxFragments on ${relative(PROJECT, dir)} (/${lang}/, ${queries.length} first queries each from a cold cache: ${queries.join(', ')})\n`);
  console.log(table(rows));
  return out;
}

async function main() {
  let dir;
  if (args.dir) dir = resolve(PROJECT, args.dir);
  else if (args['no-build']) dir = join(BENCH_DIR, 'site');
  else dir = buildSite();
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is not a built site`);
  const jsonFile = resolve(args.json ?? join(BENCH_DIR, args.fragments ? 'search-fragments.json' : 'search.json'));
  ensureDir(dirname(jsonFile));
  if (args['index-corpus'] && !args.fragments) {
    console.log(`Re-indexing ${relative(PROJECT, dir)} from ${args['index-corpus']} …`);
    await reindex(await benchCorpus(args['index-corpus']), dir, {});
  }
  if (args.fragments) {
    const fragments = await fragmentsExperiment(dir);
    writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), dir: relative(PROJECT, dir), fragments }, null, 2)}\n`);
  } else {
    const results = await measureSite(dir);
    report(dir, results);
    writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), dir: relative(PROJECT, dir), mobile: MOBILE, results }, null, 2)}\n`);
  }
  console.log(`\nWrote ${relative(PROJECT, jsonFile)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
