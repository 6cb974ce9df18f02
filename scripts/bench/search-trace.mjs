#!/usr/bin/env node
// `node scripts/bench/search-trace.mjs [--runs 3] [--cpu 4] [--net mobile|none] [--profile] [--tasks]
// [--pages en,ar,<lang>:<query>,…] <label>=<built site dir> …` — what a reader of the search pages waits for, in
// Chromium itself (playwright-core, the system Chromium): the built sites, each served by nginx as
// `bench:lighthouse` serves them, loaded in turn (site A's English page, site B's, A's Arabic, B's…,
// so sites are compared in one run), each load in a fresh context, with the CPU slowed (`--cpu`,
// default 4: what Lighthouse's simulation charges this machine's tasks) and Lighthouse's mobile
// network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; `--net none` for none).
// Per load: FCP, LCP (Chromium's own entries), the time the first result and the last one are
// shown, the long tasks (50 ms and more) from the first paint until the results are complete and
// their time beyond 50 ms (Lighthouse's TBT, counted until the results rather than until TTI), the
// longest task, and with `--tasks` each long animation frame's scripts (where the time went), with
// `--profile` each site's CPU profile self time per function (all loads together). Medians printed;
// wall-clock figures, for comparing sites measured in the same run only.
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { localCertificate } from '../../tests/helpers/tls.ts';
import { PROJECT, SEARCH_PAGES, builtSiteBase, median, parseArgs, table } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), ['profile', 'tasks', 'trace']);
const RUNS = Math.max(1, Number(args.runs ?? 3));
const CPU = Number(args.cpu ?? 4);
const NET = args.net ?? 'mobile';
// `--pages en,ar` (the two Lighthouse pages, scripts/bench/lib.mjs) or any query as `<lang>:<query>`:
// `--pages 'en:Board of Peace,ar:قوة الاستقرار'`.
const PAGES = Object.fromEntries(String(args.pages ?? 'en,ar').split(',').map((p) => {
  const [lang, q] = p.split(/:(.*)/s);
  return [p, q === undefined ? SEARCH_PAGES[lang] : `/${lang}/search/?q=${encodeURIComponent(q)}`];
}));
const LANGS = Object.keys(PAGES);
const sites = args._.map((spec) => {
  const [label, dir] = spec.includes('=') ? spec.split(/=(.*)/s) : [spec, spec];
  const root = resolve(PROJECT, dir);
  const base = builtSiteBase(root);
  return { label, root, base };
});
if (!sites.length) {
  console.error('usage: search-trace.mjs [--runs N] [--cpu 4] [--net mobile|none] [--profile] [--tasks] label=dist …');
  process.exit(1);
}

// Before the page's own scripts: every paint, long task and long animation frame, and when the
// results list says it shows the results of the URL (main.ts sets data-shown when they are all in).
const OBSERVE = () => {
  const seen = (window.__seen = { paint: [], lcp: [], longtask: [], loaf: [], first: undefined, done: undefined });
  const watch = (type, into) => {
    try {
      new PerformanceObserver((list) => into.push(...list.getEntries().map((e) => e.toJSON()))).observe({ type, buffered: true });
    } catch {}
  };
  watch('paint', seen.paint);
  watch('largest-contentful-paint', seen.lcp);
  watch('longtask', seen.longtask);
  watch('long-animation-frame', seen.loaf);
  new MutationObserver(() => {
    const list = document.getElementById('search-results');
    if (!list) return;
    if (seen.first === undefined && list.children.length) seen.first = performance.now();
    if (seen.done === undefined && list.dataset.shown && !list.hasAttribute('aria-busy')) seen.done = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

const servers = [];
for (const site of sites) {
  const server = await serveForLighthouse(site.root, site.base);
  servers.push(server);
  site.server = server;
}
const browser = await launchChromium([localCertificate().trustFlag]);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const rows = [];
const profiles = new Map();

async function measureOnce(site, lang) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (NET === 'mobile') await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  if (CPU !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (args.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const url = site.server.url(PAGES[lang]);
  if (args.trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading'] });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__seen.done !== undefined, null, { timeout: 120_000, polling: 250 });
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd, bytes: r.transferSize }));
    return { ...window.__seen, resources, count: document.querySelectorAll('#search-results > li').length, status: document.getElementById('search-status')?.textContent };
  });
  const events = args.trace ? JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents : [];
  let profile;
  if (args.profile) {
    ({ profile } = await cdp.send('Profiler.stop'));
    addProfile(site.label, lang, profile);
  }
  const traced = args.trace ? mainTasks(events, profile) : [];
  await context.close();
  const fcp = seen.paint.find((p) => p.name === 'first-contentful-paint')?.startTime ?? 0;
  const lcpEntry = seen.lcp.at(-1);
  const tasks = seen.longtask.filter((t) => t.startTime + t.duration > fcp && t.startTime < seen.done);
  const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return {
    site: site.label, lang, fcp, lcp: lcpEntry?.startTime ?? NaN, lcpElement: lcpEntry?.id || lcpEntry?.url || '', first: seen.first, done: seen.done,
    blocking, longest: Math.max(0, ...tasks.map((t) => t.duration)), tasks: tasks.length, count: seen.count, status: seen.status,
    traced,
    loaf: seen.loaf.filter((f) => f.duration >= 50 && f.startTime < seen.done), resources: seen.resources,
  };
}

/**
 * The renderer main thread's tasks of at least MIN_TASK ms (default 50 / (4 / CPU): the tasks that
 * block at Lighthouse's 4× at this slowdown), from navigation, each with what ran in it.
 */
const MIN_TASK = Number(args['min-task'] ?? (50 * CPU) / 4);
function mainTasks(events, profile) {
  const samples = profile ? profileSamples(profile) : [];
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((n) => n.pid === e.pid && n.name === 'navigationStart'));
  if (!main) return [];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const nav = events.find((e) => e.pid === main.pid && e.name === 'navigationStart')?.ts ?? 0;
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur >= MIN_TASK * 1000 && e.ts >= nav);
  return tasks.map((t) => {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur >= 1000);
    const label = (e) => {
      const d = e.args?.data ?? {};
      const where = (d.url || d.scriptName || '').split('/').pop().split('?')[0].slice(0, 40);
      return `${e.name}${d.functionName ? ` ${d.functionName}` : ''}${where ? ` ${where}` : ''} ${(e.dur / 1000).toFixed(1)}`;
    };
    const top = inside.filter((e) => ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'Layout', 'UpdateLayoutTree', 'ParseHTML', 'RunMicrotasks', 'TimerFire', 'v8.wasm.compileLazy', 'wasm.CompileLazy', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'Paint', 'ParseAuthorStyleSheet', 'FireAnimationFrame', 'EventDispatch', 'v8.run', 'PrePaint', 'Commit'].includes(e.name) || /compile|wasm|gc/i.test(e.name));
    // Self time per function of the profile's samples inside the task (same clock as the trace).
    const self = new Map();
    for (const sample of samples) if (sample.ts >= t.ts && sample.ts < t.ts + t.dur) self.set(sample.name, (self.get(sample.name) ?? 0) + sample.us);
    const functions = [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
    return { start: (t.ts - nav) / 1000, dur: t.dur / 1000, what: [...top].sort((a, b) => b.dur - a.dur).slice(0, 6).map(label).join('; ') + (functions ? `\n        ${functions}` : '') };
  });
}

/** Each sample of a CPU profile: its time, the function it was in, and the time until the next. */
function profileSamples(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i] ?? 0;
    const f = nodes.get(id).callFrame;
    const where = f.url ? ` ${f.url.split('/').pop().split('?')[0].slice(0, 24)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    out.push({ ts, name: `${f.functionName || '(anonymous)'}${where}`, us: profile.timeDeltas[i + 1] ?? 0 });
  });
  return out;
}

/** Self time per function (µs summed from the profile's samples), per site and language. */
function addProfile(label, lang, profile) {
  const key = `${label} ${lang}`;
  const into = profiles.get(key) ?? new Map();
  profiles.set(key, into);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = nodes.get(id);
    const f = n.callFrame;
    const where = f.url ? `${f.url.split('/').pop().split('?')[0]}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const name = `${f.functionName || '(anonymous)'} ${where}`.trim();
    into.set(name, (into.get(name) ?? 0) + (deltas[i + 1] ?? 0));
  });
}

try {
  for (let run = 0; run < RUNS; run++) {
    for (const lang of LANGS) {
      for (const site of sites) {
        const r = await measureOnce(site, lang);
        rows.push(r);
        console.log(`run ${run + 1} ${site.label} ${lang}: FCP ${r.fcp.toFixed(0)} LCP ${r.lcp.toFixed(0)} first ${r.first?.toFixed(0)} done ${r.done?.toFixed(0)} blocking ${r.blocking.toFixed(0)} longest ${r.longest.toFixed(0)} (${r.tasks} long tasks) results ${r.count} «${r.status}» load ${load()}`);
        for (const t of r.traced) console.log(`    task ${t.start.toFixed(0)} +${t.dur.toFixed(1)}: ${t.what}`);
        if (args.tasks) {
          for (const f of r.loaf) {
            const scripts = f.scripts.map((s) => `${(s.sourceFunctionName || s.invoker || '?').slice(0, 40)}@${(s.sourceURL || '').split('/').pop().split('?')[0]} ${s.duration.toFixed(0)}ms`).join('; ');
            console.log(`    frame ${f.startTime.toFixed(0)} +${f.duration.toFixed(0)} (blocking ${f.blockingDuration.toFixed(0)}, render ${(f.duration - (f.renderStart ? f.renderStart - f.startTime : f.duration)).toFixed(0)}): ${scripts}`);
          }
          for (const res of r.resources) if (/pagefind|search-data|_astro\/.*\.js|wasm/.test(res.name)) console.log(`    ${res.start.toFixed(0)}–${res.end.toFixed(0)} ${res.name.replace(/^.*\/(search|_astro)\//, '').slice(0, 70)} ${res.bytes}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
const loadAfter = load();

console.log(`\nChromium, CPU ×${CPU}, network ${NET}; median of ${RUNS}; load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}\n`);
const groups = [];
for (const lang of LANGS) for (const site of sites) groups.push(rows.filter((r) => r.site === site.label && r.lang === lang));
console.log(table([
  ['site', 'page', 'FCP ms', 'LCP ms', 'first result ms', 'all results ms', 'blocking ms', 'longest task ms', 'long tasks', 'results'],
  ...groups.map((g) => [g[0].site, g[0].lang, ...['fcp', 'lcp', 'first', 'done', 'blocking', 'longest', 'tasks'].map((k) => Math.round(median(g.map((r) => r[k])))), [...new Set(g.map((r) => r.count))].join('/')]),
]));
if (args.profile) {
  for (const [key, into] of profiles) {
    console.log(`\n${key}: self time per function, ms, ${RUNS} loads together (×${CPU} CPU)`);
    const top = [...into].filter(([name]) => name !== '(idle)' && name !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [name, us] of top) console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${name}`);
    const byFile = new Map();
    for (const [name, us] of into) {
      const file = name.includes('@') ? name : (name.split(' ')[1] ?? '(native)').replace(/:\d+:\d+$/, '') || '(native)';
      byFile.set(file, (byFile.get(file) ?? 0) + us);
    }
    console.log('  per file: ' + [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([f, us]) => `${f} ${(us / 1000).toFixed(0)}`).join(', '));
  }
}
