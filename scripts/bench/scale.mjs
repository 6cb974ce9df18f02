#!/usr/bin/env node
// `npm run bench` — build-time scaling benchmark (not a test; never part of `npm test`).
//
// For each size N (default 100, 1000, 5000 sources) it generates a synthetic project root in
// .tmp/bench/<N>/ (scripts/bench/corpus.mjs), then builds it three times with
// BRIEFING_ROOT=.tmp/bench/<N> and OUT_DIR=.tmp/bench/<N>/dist through scripts/build.mjs:
//   cold     every output and cache of that root removed first
//   warm     again, nothing changed
//   changed  again, after editing one English briefing
// and records wall time, CPU time (user + sys, per program), peak memory of the whole process
// tree, pages/s, time per page, phase times from the build log, the Pagefind index size, the dist
// size, the social-card step's own timing when logged, and how long the deletion of the site it
// replaced took (scripts/build.mjs leaves that to a process running after it; the bench waits for
// it, so it never runs beside the next build). Then, in the same run and from the same synthetic
// text with the same page count, it builds the reference sites of
// scripts/bench/baselines.mjs (Starlight with its Pagefind index; a bare Astro page + the
// Pagefind CLI) and prints our figures as ratios of Starlight's.
// Results: terminal table, .tmp/bench/results.json, docs/bench/results.json and
// docs/bench/time-per-page.svg. Budgets are evaluated and printed as PASS/FAIL lines. Every
// build records the load average when it started: on a shared machine, compare ratios.
//
//   npm run bench                        # 100, 1000, 5000 (baselines up to 1000)
//   npm run bench -- --sizes 100,1000    # quick
//   npm run bench -- --sizes 5000 --merge   # keep earlier results for other sizes
//   npm run bench -- --code worktree        # build the working tree instead of HEAD (see lib.mjs)
//   npm run bench -- --code dir:<path> --tag fix   # a candidate fix, results in .tmp/bench/fix/
//   npm run bench -- --baselines starlight,bare --baseline-max 1000   # the defaults ('none' skips)
//   npm run bench -- --builds cold,changed   # no warm build (cold and changed always run)
//   npm run bench -- --warm-max 1000         # the warm build only up to 1,000 sources
//   npm run bench -- --memory-limit-gb 7   # the default: a build whose process tree goes over
//                                          # 7 GB (the hosted runner's memory) is killed; 0: no limit
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { changeOneBriefing, generate, loadReal } from './corpus.mjs';
import { BENCH_DIR, NODE, PROJECT, assertBenchPath, codeSnapshot, dirSize, ensureDir, fmtBytes, fmtMs, machine, measure, parseArgs, table } from './lib.mjs';
import { renderChart } from './chart.mjs';
import { astroDuration } from './durations.mjs';
import { STARLIGHT_VERSION, baselineCommand, prepareBaseline } from './baselines.mjs';

const args = parseArgs(process.argv.slice(2), ['merge', 'no-chart']);
const sizes = String(args.sizes ?? '100,1000,5000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
// --tag <name>: a side experiment (e.g. a candidate fix with --code dir:…): roots and results go
// to .tmp/bench/<name>/ and docs/bench/ is left alone.
const TAG = args.tag ? String(args.tag).replace(/[^\w.-]/g, '') : '';
const ROOTS = TAG ? join(BENCH_DIR, TAG) : BENCH_DIR;
const RESULTS = join(ROOTS, 'results.json');
const DOCS = join(PROJECT, 'docs', 'bench');
const CODE_MODE = args.code ?? 'head';
const BASELINES = String(args.baselines ?? 'starlight,bare').split(',').map((b) => b.trim()).filter((b) => b && b !== 'none');
for (const b of BASELINES) if (!['starlight', 'bare'].includes(b)) throw new Error(`unknown baseline ${b} (starlight, bare or none)`);
// Starlight at 5,000 sources (20,000 pages) takes long and proves nothing the 1,000 run does not.
const BASELINE_MAX = Number(args['baseline-max'] ?? 1000);
// The hosted runner's memory (issue 16: 2 cores, 7 GB): builds are killed above it, as there.
const MEMORY_LIMIT_GB = Number(args['memory-limit-gb'] ?? 7);
// --builds cold,changed: leave the warm build out (to fit a run in a time slot); cold and changed
// are always built (the changed build needs the cold build's cache).
const BUILDS = new Set(String(args.builds ?? 'cold,warm,changed').split(',').map((b) => b.trim()));
// --warm-max 1000: the warm build only for sizes up to this many sources.
const WARM_MAX = args['warm-max'] !== undefined ? Number(args['warm-max']) : Infinity;
const MEMORY_LIMIT = MEMORY_LIMIT_GB > 0 ? MEMORY_LIMIT_GB * 2 ** 30 : undefined;
let CODE; // { dir, label }: the code being built (see codeSnapshot in lib.mjs)

/** Caches the build may write, per root, so runs never share them with other builds or sizes. */
function cacheEnv(root) {
  const cache = join(root, 'cache');
  return {
    BENCH_CACHE_DIR: join(cache, 'astro'), // Astro's cacheDir (scripts/bench/astro.config.mjs)
    CARDS_CACHE: join(cache, 'cards'), // social cards (src/integrations/social-cards.ts)
    IMAGES_CACHE: join(cache, 'images'), // content images (src/integrations/content-images.ts)
    SEARCH_CACHE: join(cache, 'search'), // search index (src/lib/search/write-index.ts)
    OFFLINE_CACHE: join(cache, 'offline'), // offline manifest's file reads (scripts/offline-manifest.mjs)
  };
}

/** Shared caches in the project that a bench build must not touch; checked after each build. */
const SHARED = ['.cache', 'node_modules/.astro'].map((p) => join(PROJECT, p));
function snapshot() {
  const out = new Map();
  for (const dir of SHARED) {
    if (!existsSync(dir)) continue;
    const stack = [dir];
    while (stack.length) {
      const d = stack.pop();
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) stack.push(p);
        else out.set(p, statSync(p).mtimeMs);
      }
    }
  }
  return out;
}

/** A hash of the code that was measured (src/, astro.config.mjs, package-lock.json). */
function codeHash(dir = CODE?.dir ?? PROJECT) {
  const h = createHash('sha256');
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else h.update(relative(dir, p)).update(readFileSync(p));
  };
  for (const p of ['src', 'astro.config.mjs', 'package-lock.json']) if (existsSync(join(dir, p))) walk(join(dir, p));
  return h.digest('hex').slice(0, 12);
}

const num = (s) => Number(String(s).replace(/,/g, ''));
/** Phase times from the build log (arrival time of each line) and the lines' own figures. */
function parseLog(lines) {
  const clean = lines.map(({ ms, line }) => ({ ms, line: line.replace(/\x1b\[[0-9;]*m/g, '') }));
  const at = (re, from = 0) => clean.findIndex((l, i) => i >= from && re.test(l.line));
  const banner = at(/generating static routes/);
  const genDone = banner >= 0 ? at(/^\S*\s*✓ Completed in /, banner) : -1;
  const sitemap = at(/\[@astrojs\/sitemap\]/);
  const built = at(/\[build\] [\d,]+ page\(s\) built in/);
  // The search index is written after `astro build` (scripts/index-search.mjs); builds of older
  // code indexed inside it ([briefings:pagefind], right after the sitemap).
  const indexed = at(/\[search-index\] indexed|\[briefings:pagefind\] indexed/);
  const inAstro = indexed >= 0 && /briefings:pagefind/.test(clean[indexed].line);
  const end = clean.length ? clean[clean.length - 1].ms : undefined;
  const ms = (i) => (i >= 0 ? clean[i].ms : undefined);
  const pagesLine = built >= 0 ? /\[build\] ([\d,]+) page\(s\) built in (.+)$/.exec(clean[built].line) : null;
  const cardsLine = clean.map((l) => /\[briefings:cards\] rendered ([\d,]+) cards in ([\d.,]+) ?ms(?:, ([\d,]+) ms CPU)?(?: \(([\d,]+) of ([\d,]+) from cache\))?/.exec(l.line)).find(Boolean);
  const imagesLine = clean.map((l) => /\[briefings:images\] (.+)$/.exec(l.line)).find(Boolean);
  // The incremental steps' own figures: pages linked from the cache, search documents reused,
  // offline manifest files not read again.
  const linkedLine = clean.map((l) => /([\d,]+) page\(s\) of the last build linked from the cache/.exec(l.line)).find(Boolean);
  const docsLine = clean.map((l) => /wrote ([\d,]+) documents in \d+ bundle\(s\) in ([\d,]+) ms(?: \(([\d,]+) of [\d,]+ unchanged)?/.exec(l.line)).find(Boolean);
  const offlineLine = clean.map((l) => /\[offline\] .* in ([\d.]+) s(?: \(([\d,]+) of ([\d,]+) files unchanged)?/.exec(l.line)).find(Boolean);
  // YAML texts of the corpus taken from its parse cache (src/lib/corpus/parse-cache.ts).
  const parsedLine = clean.map((l) => /corpus: ([\d,]+) of ([\d,]+) file texts parsed from the cache/.exec(l.line)).find(Boolean);
  const indexedLine = indexed >= 0 ? /indexed ([\d,]+) pages/.exec(clean[indexed].line) : null;
  const renderReported = genDone >= 0 ? astroDuration(/Completed in (.+?)\.?$/.exec(clean[genDone].line)[1]) : undefined;
  return {
    pages: pagesLine ? num(pagesLine[1]) : undefined,
    indexedRecords: indexedLine ? num(indexedLine[1]) : undefined,
    phases: {
      setupMs: ms(banner),
      renderMs: renderReported,
      // Old code: sitemap → index → other build:done hooks (cards, icons, images) → built.
      // Now: sitemap → other hooks → built, then the index step, then the swap.
      // The index step reports its own time; it may start before `astro build` has finished.
      pagefindMs: inAstro ? (sitemap >= 0 ? ms(indexed) - ms(sitemap) : undefined) : indexed >= 0 ? (/ in ([\d.]+) s\s*$/.exec(clean[indexed].line)?.[1] ?? NaN) * 1000 : undefined,
      afterPagefindHooksMs: inAstro ? (built >= 0 ? ms(built) - ms(indexed) : undefined) : sitemap >= 0 && built >= 0 ? ms(built) - ms(sitemap) : undefined,
      swapMs: end !== undefined ? (inAstro ? (built >= 0 ? end - ms(built) : undefined) : indexed >= 0 ? end - ms(indexed) : undefined) : undefined,
    },
    cards: cardsLine
      ? { rendered: num(cardsLine[1]), ms: num(cardsLine[2]), cpuMs: cardsLine[3] ? num(cardsLine[3]) : undefined, cached: cardsLine[4] ? num(cardsLine[4]) : undefined, total: cardsLine[5] ? num(cardsLine[5]) : undefined }
      : null,
    images: imagesLine ? imagesLine[1] : null,
    linkedPages: linkedLine ? num(linkedLine[1]) : undefined,
    searchDocuments: docsLine ? { written: num(docsLine[1]), ms: num(docsLine[2]), reused: docsLine[3] !== undefined ? num(docsLine[3]) : undefined } : undefined,
    corpusParsed: parsedLine ? { fromCache: num(parsedLine[1]), total: num(parsedLine[2]) } : undefined,
    offline: offlineLine ? { ms: Number(offlineLine[1]) * 1000, reused: offlineLine[2] !== undefined ? num(offlineLine[2]) : undefined, files: offlineLine[3] !== undefined ? num(offlineLine[3]) : undefined } : undefined,
  };
}

async function build(root, kind) {
  const out = join(root, 'dist');
  const logs = ensureDir(join(root, 'logs'));
  const log = join(logs, `${kind}.log`);
  const env = { ...process.env, ...cacheEnv(root), BRIEFING_ROOT: root, OUT_DIR: out, FORCE_COLOR: '0' };
  const before = snapshot();
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  process.stdout.write(`  ${kind.padEnd(8)} building… `);
  const r = await measure(NODE, ['scripts/build.mjs', '--config', 'scripts/bench/astro.config.mjs'], { env, log, cwd: CODE.dir, memoryLimit: MEMORY_LIMIT });
  // Memory over time (the tree and each program, about once a second) beside the log lines'
  // arrival times (only Astro's own lines carry a clock), to see which steps overlap at the peak.
  const lines = r.lines.filter((l) => !/[├└]─/.test(l.line)).map((l) => ({ ms: Math.round(l.ms), line: l.line.replace(/\x1b\[[0-9;]*m/g, '').slice(0, 200) }));
  writeFileSync(`${log.replace(/\.log$/, '')}.timeline.json`, JSON.stringify({ timeline: r.timeline, lines }));
  if (r.code !== 0) {
    const tail = r.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => !/[├└]─/.test(l)).slice(-12).join('\n');
    console.log(`FAILED after ${fmtMs(r.wallMs)} (exit ${r.code}), peak ${fmtBytes(r.peakTreeRss)}; log: ${relative(PROJECT, log)}`);
    console.error(tail);
    return { failed: true, exitCode: r.code, ...(r.memoryLimitExceeded ? { memoryLimitExceeded: MEMORY_LIMIT_GB } : {}), error: r.memoryLimitExceeded ? `killed: the process tree went over the runner's ${MEMORY_LIMIT_GB} GB (--memory-limit-gb)` : tail.split('\n').filter((l) => /error|heap|memory|fatal|failed/i.test(l)).slice(0, 4).join(' | ') || tail.split('\n').slice(-3).join(' | '), wallMs: Math.round(r.wallMs), peakTreeRss: r.peakTreeRss, maxRssSingle: r.maxRssSingle, processes: r.processes, loadavgAtStart: Number(load), log: relative(PROJECT, log) };
  }
  // scripts/build.mjs deletes the site it replaced after it exits, in a process of its own: that
  // work is waited for (and reported), so it never runs beside the next build measured.
  const removing = performance.now();
  while (readdirSync(root).some((f) => f.startsWith('dist.previous'))) await new Promise((res) => setTimeout(res, 100));
  const lastSiteRemovalMs = Math.round(performance.now() - removing);
  const after = snapshot();
  const touched = [...after].filter(([p, m]) => before.get(p) !== m).map(([p]) => relative(PROJECT, p));
  const parsed = parseLog(r.lines);
  const pages = parsed.pages ?? 0;
  const dist = dirSize(out);
  const pagefind = dirSize(join(out, 'pagefind'));
  const result = {
    wallMs: Math.round(r.wallMs),
    pages,
    msPerPage: pages ? r.wallMs / pages : undefined,
    pagesPerSec: pages ? pages / (r.wallMs / 1000) : undefined,
    peakTreeRss: r.peakTreeRss,
    maxRssSingle: r.maxRssSingle,
    cpuSec: cpuOf(r.processes),
    processes: r.processes,
    ...parsed,
    pagefindBytes: pagefind.bytes,
    pagefindFiles: pagefind.files,
    distBytes: dist.bytes,
    distFiles: dist.files,
    loadavgAtStart: Number(load),
    lastSiteRemovalMs,
    log: relative(PROJECT, log),
    ...(touched.length ? { sharedCachesTouched: touched.length } : {}),
  };
  console.log(`${fmtMs(result.wallMs)} (CPU ${result.cpuSec} s, load ${load}), ${pages} pages, ${fmtMs(result.msPerPage)}/page, peak ${fmtBytes(result.peakTreeRss)}${parsed.cards ? `, cards ${parsed.cards.rendered} in ${fmtMs(parsed.cards.ms)}` : ''}; then ${fmtMs(lastSiteRemovalMs)} deleting the last site`);
  if (touched.length) console.warn(`  ! ${touched.length} file(s) in shared caches (${SHARED.map((p) => relative(PROJECT, p)).join(', ')}) changed during this build (another build running, or a new cache this benchmark does not redirect yet): ${touched.slice(0, 3).join(', ')}`);
  return result;
}

/** CPU seconds (user + sys) of a whole process tree, summed over its programs. */
const cpuOf = (processes) => Math.round(Object.values(processes ?? {}).reduce((sum, p) => sum + p.cpuSec, 0) * 10) / 10;

/** One cold build of a reference site (scripts/bench/baselines.mjs) with `pages` pages. */
async function baseline(kind, root, n, pages) {
  process.stdout.write(`  ${kind.padEnd(9)} preparing ${pages} pages… `);
  const out = prepareBaseline(kind, root, `${TAG ? `${TAG}-` : ''}${n}`, pages, CODE.dir);
  for (const p of ['dist', 'cache']) rmSync(join(out, p), { recursive: true, force: true });
  const { cmd, args: argv, env, cwd } = baselineCommand(kind, out);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  process.stdout.write('building… ');
  const r = await measure(cmd, argv, { env, cwd, log: join(out, 'build.log'), memoryLimit: MEMORY_LIMIT });
  if (r.code !== 0) {
    const error = r.memoryLimitExceeded ? `killed: the process tree went over the runner's ${MEMORY_LIMIT_GB} GB` : r.output.split('\n').slice(-3).join(' | ');
    console.log(`FAILED (exit ${r.code}${r.memoryLimitExceeded ? `, over ${MEMORY_LIMIT_GB} GB` : ''}); log: ${relative(PROJECT, join(out, 'build.log'))}`);
    return { failed: true, error, wallMs: Math.round(r.wallMs), peakTreeRss: r.peakTreeRss, loadavgAtStart: Number(load) };
  }
  const built = dirSize(join(out, 'dist'));
  const htmlPages = Number(execFileSync('sh', ['-c', `find "${join(out, 'dist')}" -name '*.html' | wc -l`], { encoding: 'utf8' }).trim());
  const pagefind = dirSize(join(out, 'dist', 'pagefind'));
  const result = { wallMs: Math.round(r.wallMs), pages: htmlPages, cpuSec: cpuOf(r.processes), peakTreeRss: r.peakTreeRss, maxRssSingle: r.maxRssSingle, processes: r.processes, pagefindBytes: pagefind.bytes, distBytes: built.bytes, loadavgAtStart: Number(load), log: relative(PROJECT, join(out, 'build.log')) };
  console.log(`${fmtMs(result.wallMs)} (CPU ${result.cpuSec} s, load ${load}), ${htmlPages} pages, peak ${fmtBytes(result.peakTreeRss)}`);
  return result;
}

async function runSize(n, real) {
  const root = assertBenchPath(join(ROOTS, String(n)));
  console.log(`\nN = ${n} sources (${root})`);
  let t = performance.now();
  const counts = generate(n, root, real);
  const generateMs = performance.now() - t;
  console.log(`  corpus   ${counts.sources} sources, ${counts.briefings} briefings per language, generated in ${fmtMs(generateMs)}`);

  // Cold: no output, no cache of this root (Astro cacheDir, cards, images).
  // (dist.previous-…: a last site a build's detached removal has not finished with, scripts/build.mjs.)
  for (const p of [join(root, 'dist'), join(root, 'dist.staging'), join(root, 'cache'), ...readdirSync(root).filter((f) => f.startsWith('dist.previous')).map((f) => join(root, f))]) rmSync(assertBenchPath(p), { recursive: true, force: true });
  const cold = await build(root, 'cold');
  const warm = cold.failed ? { failed: true, error: 'skipped: the cold build failed' } : BUILDS.has('warm') && n <= WARM_MAX ? await build(root, 'warm') : { skipped: true };
  const changedFile = changeOneBriefing(root, n);
  const changed = cold.failed ? { failed: true, error: 'skipped: the cold build failed' } : await build(root, 'changed');
  const baselines = {};
  if (!cold.failed && n <= BASELINE_MAX) for (const kind of BASELINES) baselines[kind] = await baseline(kind, root, n, cold.pages);
  const ratios = ratiosOf({ builds: { cold, changed }, baselines });
  if (ratios) console.log(`  ratios   ${Object.entries(ratios).map(([k, v]) => `${k} ${v.toFixed(2)}×`).join(', ')}`);
  return { n, sources: counts.sources, briefings: counts.briefings, generateMs: Math.round(generateMs), changedFile: relative(root, changedFile), measuredAt: new Date().toISOString(), builds: { cold, warm, changed }, baselines, ratios };
}

/** Our builds as multiples of Starlight's cold build (wall time, same run). */
function ratiosOf({ builds, baselines }) {
  const sl = baselines?.starlight;
  if (!sl || sl.failed) return undefined;
  const out = {};
  if (!builds.cold.failed) out['cold / Starlight cold'] = builds.cold.wallMs / sl.wallMs;
  if (!builds.changed.failed) out['one edit / Starlight cold'] = builds.changed.wallMs / sl.wallMs;
  if (!builds.cold.failed) out['cold CPU / Starlight CPU'] = builds.cold.cpuSec / sl.cpuSec;
  return out;
}

/** Budgets from the brief, evaluated on whatever sizes are present. */
function budgets(runs) {
  const by = new Map(runs.map((r) => [r.n, r]));
  const out = [];
  // Issue 16: a hosted runner (2 cores, 7 GB).
  const big = by.get(5000);
  if (big) {
    const { cold, changed } = big.builds;
    out.push({ name: 'N=5000 cold build ≤ 5 min', pass: !cold.failed && cold.wallMs <= 300_000, detail: cold.failed ? `failed: ${cold.error}` : `${fmtMs(cold.wallMs)} (load ${cold.loadavgAtStart})` });
    out.push({ name: 'N=5000 peak memory ≤ 4 GB (cold, whole process tree)', pass: !cold.failed && cold.peakTreeRss <= 4 * 2 ** 30, detail: `${fmtBytes(cold.peakTreeRss)} (largest process ${fmtBytes(cold.maxRssSingle)})` });
    out.push({ name: 'N=5000 one-edit rebuild ≤ 30 s (with the build cache)', pass: !changed.failed && changed.wallMs <= 30_000, detail: changed.failed ? `failed: ${changed.error}` : `${fmtMs(changed.wallMs)} (load ${changed.loadavgAtStart})` });
  } else out.push({ name: 'N=5000 cold ≤ 5 min, ≤ 4 GB, one edit ≤ 30 s', pass: null, detail: 'needs size 5000' });
  const mid = by.get(1000);
  if (mid?.ratios?.['cold / Starlight cold'] !== undefined) {
    const sl = mid.baselines.starlight;
    out.push({ name: 'N=1000 cold build ≤ 1.5× Starlight cold (same run)', pass: mid.ratios['cold / Starlight cold'] <= 1.5, detail: `${fmtMs(mid.builds.cold.wallMs)} vs ${fmtMs(sl.wallMs)} = ${mid.ratios['cold / Starlight cold'].toFixed(2)}×` });
    const edit = mid.ratios['one edit / Starlight cold'];
    out.push({ name: 'N=1000 one-edit rebuild ≤ 0.5× Starlight cold (same run)', pass: edit !== undefined && edit <= 0.5, detail: edit === undefined ? 'the one-edit build failed' : `${fmtMs(mid.builds.changed.wallMs)} vs ${fmtMs(sl.wallMs)} = ${edit.toFixed(2)}×` });
  } else out.push({ name: 'N=1000 ratios to Starlight', pass: null, detail: 'needs size 1000 with the starlight baseline' });
  for (const r of runs) {
    const c = r.builds.cold.cards;
    if (c?.cpuMs !== undefined && c.rendered) out.push({ name: `cards ≤ 10 ms CPU each (N=${r.n}, cold)`, pass: c.cpuMs / c.rendered <= 10, detail: `${(c.cpuMs / c.rendered).toFixed(1)} ms CPU per card (${c.rendered} cards)` });
  }
  const a = by.get(1000)?.builds.cold;
  const b = by.get(5000)?.builds.cold;
  const failed = (x) => `the N=${x === a ? 1000 : 5000} cold build failed (${x.error}) after ${fmtMs(x.wallMs)}, peak ${fmtBytes(x.peakTreeRss)}`;
  if (a && b) {
    const bad = [a, b].find((x) => x.failed);
    if (bad) {
      out.push({ name: 'time per page at N=5000 within 1.2× of N=1000 (cold)', pass: false, detail: failed(bad) });
    } else {
      const ratio = b.msPerPage / a.msPerPage;
      out.push({ name: 'time per page at N=5000 within 1.2× of N=1000 (cold)', pass: ratio <= 1.2, detail: `${b.msPerPage.toFixed(1)} ms vs ${a.msPerPage.toFixed(1)} ms per page = ${ratio.toFixed(2)}×` });
    }
    const mem = b.peakTreeRss;
    out.push({ name: 'peak memory at N=5000 < 4 GB (cold, whole process tree)', pass: !b.failed && mem < 4 * 2 ** 30, detail: `${fmtBytes(mem)} (largest process ${fmtBytes(b.maxRssSingle)})${b.failed ? `; ${failed(b)}` : ''}` });
    if (bad) out.push({ name: 'peak memory grows no faster than page count (1000 → 5000, cold)', pass: false, detail: failed(bad) });
    else {
      const memRatio = mem / a.peakTreeRss;
      const pageRatio = b.pages / a.pages;
      out.push({ name: 'peak memory grows no faster than page count (1000 → 5000, cold)', pass: memRatio <= pageRatio, detail: `memory ×${memRatio.toFixed(2)} (${fmtBytes(a.peakTreeRss)} → ${fmtBytes(mem)}), pages ×${pageRatio.toFixed(2)}` });
    }
  } else {
    out.push({ name: 'time per page at N=5000 within 1.2× of N=1000', pass: null, detail: 'needs sizes 1000 and 5000' });
    out.push({ name: 'peak memory at N=5000 < 4 GB and growing no faster than page count', pass: null, detail: 'needs sizes 1000 and 5000' });
  }
  for (const r of runs) {
    const { cold, warm } = r.builds;
    if (warm.skipped) continue;
    if (cold.failed || warm.failed) {
      out.push({ name: `warm rebuild (no change) ≤ 40% of cold at N=${r.n}`, pass: false, detail: `build failed: ${(cold.failed ? cold : warm).error}` });
      continue;
    }
    const ratio = warm.wallMs / cold.wallMs;
    out.push({ name: `warm rebuild (no change) ≤ 40% of cold at N=${r.n}`, pass: ratio <= 0.4, detail: `${fmtMs(warm.wallMs)} vs ${fmtMs(cold.wallMs)} = ${(ratio * 100).toFixed(0)}%` });
  }
  return out;
}

function printTable(runs) {
  const rows = [['N', 'build', 'wall', 'CPU', 'load', 'pages', 'ms/page', 'peak RSS (tree)', 'max RSS (1 proc)', 'render', 'pagefind', 'index', 'dist', 'cards']];
  for (const r of runs) {
    for (const kind of ['cold', 'warm', 'changed']) {
      const b = r.builds[kind];
      if (b.skipped) continue;
      if (b.failed) {
        rows.push([String(r.n), kind, b.wallMs ? fmtMs(b.wallMs) : '-', '', '', 'FAILED', '', b.peakTreeRss ? fmtBytes(b.peakTreeRss) : '', b.maxRssSingle ? fmtBytes(b.maxRssSingle) : '', '', '', '', '', b.error.slice(0, 60)]);
        continue;
      }
      rows.push([
        String(r.n),
        kind,
        fmtMs(b.wallMs),
        b.cpuSec !== undefined ? `${b.cpuSec} s` : 'n/a',
        String(b.loadavgAtStart ?? ''),
        String(b.pages),
        b.msPerPage?.toFixed(2) ?? 'n/a',
        fmtBytes(b.peakTreeRss),
        fmtBytes(b.maxRssSingle),
        fmtMs(b.phases.renderMs),
        fmtMs(b.phases.pagefindMs),
        fmtBytes(b.pagefindBytes),
        fmtBytes(b.distBytes),
        b.cards ? `${b.cards.rendered}${b.cards.total !== undefined ? `/${b.cards.total}` : ''} in ${fmtMs(b.cards.ms)}` : 'n/a',
      ]);
    }
    for (const [kind, b] of Object.entries(r.baselines ?? {})) {
      const label = kind === 'starlight' ? `Starlight ${STARLIGHT_VERSION}` : 'bare Astro + Pagefind CLI';
      if (b.failed) rows.push([String(r.n), label, fmtMs(b.wallMs), '', '', 'FAILED', '', '', '', '', '', '', '', b.error.slice(0, 60)]);
      else rows.push([String(r.n), label, fmtMs(b.wallMs), `${b.cpuSec} s`, String(b.loadavgAtStart), String(b.pages), (b.wallMs / b.pages).toFixed(2), fmtBytes(b.peakTreeRss), fmtBytes(b.maxRssSingle), '', '', fmtBytes(b.pagefindBytes), fmtBytes(b.distBytes), '']);
    }
  }
  console.log(`\n${table(rows)}`);
}

async function main() {
  ensureDir(ROOTS);
  const info = machine();
  console.log(`Machine: ${info.cpu}, ${info.nproc} CPUs, ${info.memoryGiB} GiB, Node ${info.node}, Astro ${info.astro}, Pagefind ${info.pagefind}, load ${info.loadavg}`);
  console.log(`Sizes: ${sizes.join(', ')}`);
  CODE = codeSnapshot(CODE_MODE);
  console.log(`Code: ${CODE.label} (${relative(PROJECT, CODE.dir) || '.'})`);
  console.log(`Memory limit: ${MEMORY_LIMIT ? `${MEMORY_LIMIT_GB} GB per build (process tree; killed above it, as on the hosted runner)` : 'none'}`);
  const real = loadReal(CODE.dir);
  const runs = [];
  for (const n of sizes) runs.push({ ...(await runSize(n, real)), code: CODE.label, codeHash: codeHash() });

  // With --merge, keep earlier results for sizes not measured now (each run keeps its own date).
  let all = runs;
  if (args.merge && existsSync(RESULTS)) {
    const previous = JSON.parse(readFileSync(RESULTS, 'utf8'));
    all = [...(previous.runs ?? []).filter((r) => !sizes.includes(r.n)), ...runs].sort((x, y) => x.n - y.n);
  }
  printTable(all);
  const checks = budgets(all);
  console.log('\nBudgets:');
  for (const c of checks) console.log(`  ${c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);

  const results = { generatedAt: new Date().toISOString(), machine: { ...info, loadavgAtEnd: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') }, memoryLimitGB: MEMORY_LIMIT_GB || null, code: CODE.label, command: `npm run bench -- --sizes ${sizes.join(',')}${args.builds ? ` --builds ${args.builds}` : ''}${args['warm-max'] !== undefined ? ` --warm-max ${args['warm-max']}` : ''}${args.merge ? ' --merge' : ''}${args.code ? ` --code ${args.code}` : ''}${TAG ? ` --tag ${TAG}` : ''}${args.baselines ? ` --baselines ${args.baselines}` : ''}`, runs: all, budgets: checks };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (TAG) {
    console.log(`\nWrote ${relative(PROJECT, RESULTS)} (tagged run: docs/bench/ unchanged)`);
    return;
  }
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(RESULTS, join(DOCS, 'results.json'));
  if (!args['no-chart']) writeFileSync(join(DOCS, 'time-per-page.svg'), renderChart(all, info));
  console.log(`\nWrote ${relative(PROJECT, RESULTS)}, docs/bench/results.json${args['no-chart'] ? '' : ' and docs/bench/time-per-page.svg'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
