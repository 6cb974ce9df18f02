#!/usr/bin/env node
// `npm run bench:search` — search cost and latency in a real browser (not a test).
//
// Builds the site into .tmp/bench/site (OUT_DIR=.tmp/bench/site node scripts/build.mjs, with
// the build's caches kept under .tmp/bench/site-cache), serves it on 127.0.0.1 (random port,
// the logic of scripts/serve.mjs, uncompressed), and drives Debian's Chromium through
// playwright-core to /ar/search/ and /en/search/:
//   first query  requests and bytes from after page load until the results are rendered
//                (focusing the box starts loading the index, as a reader would)
//   latency      ~20 queries typed with page.keyboard.type; for each, the time from the last
//                keystroke to rendered results (#search-results [role="option"] present and
//                #search-status no longer containing "…"); median, p90. The page waits 120 ms
//                after the last keystroke before searching (debounce); that is included.
//   filters      the same for a few queries with a filter chosen (--filter type|topic|outlet,
//                default type; its second value):
//                Pagefind then loads that filter's index and counts its values on every search
//
// Options: --dir <built site>   measure an existing build instead (e.g. .tmp/bench/1000/dist)
//          --no-build           reuse .tmp/bench/site as it is
//          --code head|worktree build a frozen copy of the code (default: the live project)
//          --delay <ms>         pause between keystrokes (default 60)
//          --filter <key>       the filter chosen for the "filters" measurement (default type)
//          --json <file>        default .tmp/bench/search.json
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_DIR, NODE, PROJECT, assertBenchPath, codeSnapshot, dirSize, ensureDir, fmtBytes, fmtMs, median, parseArgs, percentile, table } from './lib.mjs';
import { launchChromium, serve } from './server.mjs';
import { spawnSync } from 'node:child_process';

const args = parseArgs(process.argv.slice(2), ['no-build']);
const DELAY = Number(args.delay ?? 60);
const FILTER_QUERIES = Number(args['filter-queries'] ?? 8);
const FILTER = ['type', 'topic', 'outlet'].includes(args.filter) ? args.filter : 'type';

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
    env: { ...process.env, OUT_DIR: out, BENCH_CACHE_DIR: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images') },
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

/** In-page probe: time of the last keystroke and of the rendered result of the current query. */
function installProbe() {
  const input = document.querySelector('#search-q');
  const status = document.querySelector('#search-status');
  const list = document.querySelector('#search-results');
  // `expected` is the query being typed: a result counts only when the search that rendered it
  // was for the whole query (run() writes the query into the URL before searching), so a search
  // started by a pause in the middle of typing is never taken for the answer.
  const probe = { lastKey: 0, done: null, frame: null, options: 0, status: '', expected: '' };
  window.__probe = probe;
  // `input`, not `keydown`: Playwright types characters that are not on a US keyboard (all of
  // Arabic) with insertText, which fires input events but no key events.
  input.addEventListener('input', () => (probe.lastKey = performance.now()), true);
  new MutationObserver(() => {
    const text = status.textContent ?? '';
    if (!text || text.includes('…') || probe.done !== null) return;
    if ((new URL(location.href).searchParams.get('q') ?? '').trim() !== probe.expected) return;
    probe.done = performance.now();
    probe.options = list.querySelectorAll('[role="option"]').length;
    probe.status = text;
    requestAnimationFrame(() => (probe.frame = performance.now()));
  }).observe(status, { childList: true, characterData: true, subtree: true });
}

async function measureLang(browser, server, lang) {
  const base = server.url;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  let recording = false;
  page.on('request', (req) => {
    if (recording) requests.push({ req, at: performance.now() });
  });
  await page.goto(new URL(`${lang}/search/`, base).href, { waitUntil: 'networkidle' });
  await page.evaluate(installProbe);
  const done = () => page.waitForFunction(() => window.__probe.done !== null && window.__probe.frame !== null, null, { timeout: 30000 });

  // First query: everything after page load up to rendered results.
  const [first, ...rest] = QUERIES[lang];
  await page.evaluate((q) => (window.__probe.expected = q), first);
  recording = true;
  const started = performance.now();
  await page.click('#search-q');
  await page.keyboard.type(first, { delay: DELAY });
  await done();
  const finished = performance.now();
  recording = false;
  const firstProbe = await page.evaluate(() => ({ ...window.__probe }));
  // The browser fetches the favicon lazily after load; it is not part of searching.
  const firstReqs = requests.filter((r) => r.at <= finished && !/favicon|apple-touch-icon|webmanifest/.test(r.req.url()));
  const detail = [];
  for (const { req } of firstReqs) {
    const res = await req.response();
    const sizes = await req.sizes().catch(() => null);
    const url = new URL(req.url());
    const file = server.fileFor(url.pathname);
    // What a gzip-serving host would send (Pagefind's .pf_* files are gzip already).
    const gzipBytes = file && !/\.pf_\w+$/.test(file) ? gzipSync(readFileSync(file)).length : sizes?.responseBodySize ?? 0;
    detail.push({ path: url.pathname, type: req.resourceType(), status: res?.status(), bodyBytes: sizes?.responseBodySize ?? 0, headerBytes: sizes?.responseHeadersSize ?? 0, gzipBytes });
  }
  const firstQuery = {
    query: first,
    requests: detail.length,
    bytes: detail.reduce((a, d) => a + d.bodyBytes + d.headerBytes, 0),
    bodyBytes: detail.reduce((a, d) => a + d.bodyBytes, 0),
    gzipBodyBytes: detail.reduce((a, d) => a + d.gzipBytes, 0),
    msFromFocusToResults: finished - started,
    msFromLastKey: firstProbe.frame - firstProbe.lastKey,
    results: firstProbe.options,
    status: firstProbe.status,
    files: detail,
  };

  // Latency over the remaining queries.
  const typeQuery = async (q) => {
    // Escape is a no-op while focus is elsewhere (a filter): put it back in the box first.
    await page.focus('#search-q');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#search-status').textContent && !document.querySelector('#search-results [role="option"]'));
    await page.evaluate((q) => Object.assign(window.__probe, { lastKey: 0, done: null, frame: null, options: 0, status: '', expected: q }), q);
    requests.length = 0;
    recording = true;
    await page.keyboard.type(q, { delay: DELAY });
    await done();
    recording = false;
    const p = await page.evaluate(() => ({ ...window.__probe }));
    let bytes = 0;
    for (const { req } of requests) bytes += ((await req.sizes().catch(() => null))?.responseBodySize ?? 0);
    return { query: q, ms: p.frame - p.lastKey, domMs: p.done - p.lastKey, results: p.options, status: p.status, requests: requests.length, bytes };
  };
  const samples = [];
  for (const q of rest) samples.push(await typeQuery(q));

  // With a filter chosen, Pagefind loads that filter's index and counts its values on every
  // search, which costs more as the corpus grows: measure a few queries in that state.
  await page.selectOption(`#filter-${FILTER}`, { index: 2 });
  const withFilters = [];
  for (const q of rest.slice(0, FILTER_QUERIES)) withFilters.push(await typeQuery(q));
  await context.close();
  return { lang, firstQuery, samples, withFilters };
}

async function main() {
  let dir;
  if (args.dir) dir = resolve(PROJECT, args.dir);
  else if (args['no-build']) dir = join(BENCH_DIR, 'site');
  else dir = buildSite();
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is not a built site`);
  const home = readFileSync(join(dir, 'index.html'), 'utf8');
  const base = /href="([^"]*?)_astro\/[^"]+\.css"/.exec(home)?.[1] ?? '/';

  const server = await serve(dir, base);
  const browser = await launchChromium();
  const results = [];
  try {
    for (const lang of ['ar', 'en']) {
      process.stdout.write(`Measuring /${lang}/search/ … `);
      const r = await measureLang(browser, server, lang);
      console.log('done');
      results.push(r);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const index = dirSize(join(dir, 'pagefind'));
  console.log(`\nSite ${relative(PROJECT, dir)} (Pagefind bundle ${fmtBytes(index.bytes)} in ${index.files} files); server sends files uncompressed; keystroke delay ${DELAY} ms; 120 ms debounce included\n`);
  const rows = [['page', 'first query', 'requests', 'bytes', 'if gzip-served', 'of which wasm/js', 'focus → results', 'median (last key → results)', 'p90', 'min', 'max', 'queries', 'no-result queries', `median, ${FILTER} filter on`]];
  for (const r of results) {
    const ms = r.samples.map((s) => s.ms);
    const code = r.firstQuery.files.filter((f) => /\.(wasm|js)$/.test(f.path) || f.path.endsWith('.pagefind')).reduce((a, f) => a + f.bodyBytes, 0);
    r.summary = { medianMs: median(ms), p90Ms: percentile(ms, 90), minMs: Math.min(...ms), maxMs: Math.max(...ms), medianDomMs: median(r.samples.map((s) => s.domMs)), medianBytesPerQuery: median(r.samples.map((s) => s.bytes)), medianRequestsPerQuery: median(r.samples.map((s) => s.requests)), zeroResults: r.samples.filter((s) => s.results === 0).length, withFiltersMedianMs: median(r.withFilters.map((s) => s.ms)), withFiltersQueries: r.withFilters.length };
    rows.push([
      `/${r.lang}/search/`,
      r.firstQuery.query,
      String(r.firstQuery.requests),
      fmtBytes(r.firstQuery.bytes),
      fmtBytes(r.firstQuery.gzipBodyBytes),
      fmtBytes(code),
      fmtMs(r.firstQuery.msFromFocusToResults),
      fmtMs(r.summary.medianMs),
      fmtMs(r.summary.p90Ms),
      fmtMs(r.summary.minMs),
      fmtMs(r.summary.maxMs),
      String(r.samples.length),
      String(r.summary.zeroResults),
      `${fmtMs(r.summary.withFiltersMedianMs)} (${r.summary.withFiltersQueries})`,
    ]);
  }
  console.log(table(rows));
  for (const r of results) {
    console.log(`\n/${r.lang}/search/ first query "${r.firstQuery.query}": ${r.firstQuery.results} results shown ("${r.firstQuery.status}")`);
    const byType = new Map();
    for (const f of r.firstQuery.files) {
      const key = f.path.replace(/^.*\//, '').replace(/^[^.]*\./, '.').replace(/\.[0-9a-f]{6,}/, '') || f.path;
      const kind = /\.pf_fragment$/.test(f.path) ? 'fragments (.pf_fragment)' : /\.pf_index$/.test(f.path) ? 'index chunks (.pf_index)' : /\.pf_meta$/.test(f.path) ? 'metadata (.pf_meta)' : /\.pf_filter$/.test(f.path) ? 'filters (.pf_filter)' : /wasm/.test(f.path) ? 'wasm' : key;
      const e = byType.get(kind) ?? { n: 0, bytes: 0 };
      e.n += 1;
      e.bytes += f.bodyBytes;
      byType.set(kind, e);
    }
    for (const [kind, e] of byType) console.log(`  ${String(e.n).padStart(3)} × ${kind.padEnd(28)} ${fmtBytes(e.bytes)}`);
    console.log(`  later queries: median ${r.summary.medianRequestsPerQuery} request(s), ${fmtBytes(r.summary.medianBytesPerQuery)} each; DOM updated at median ${fmtMs(r.summary.medianDomMs)} after the last key`);
  }
  const jsonFile = resolve(args.json ?? join(BENCH_DIR, 'search.json'));
  ensureDir(dirname(jsonFile));
  writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), dir: relative(PROJECT, dir), pagefindBytes: index.bytes, keystrokeDelayMs: DELAY, debounceMs: 120, results }, null, 2)}\n`);
  console.log(`\nWrote ${relative(PROJECT, jsonFile)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
