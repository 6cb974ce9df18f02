#!/usr/bin/env node
// `node scripts/bench/lighthouse-dump.mjs <built site dir> <out dir> [lang …]` — one Lighthouse 13
// mobile audit of each search page of a built site (served as `bench:lighthouse` serves it): its
// report written to <out dir>/<lang>.json (long tasks, bootup time, network requests, the LCP
// element and its breakdown), and the simulated LCP taken apart: for Lantern's optimistic and
// pessimistic graphs, every node with its simulated start and end, and the chain of dependencies
// behind the node that ends last (what the simulated LCP waits for).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { Audit } from 'lighthouse/core/audits/audit.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';
import { serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { SEARCH_PAGES, builtSiteBase } from './lib.mjs';

const [dir, out, ...langs] = process.argv.slice(2);
const root = resolve(dir);
const base = builtSiteBase(root);
mkdirSync(out, { recursive: true });
const server = await serveForLighthouse(root, base);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: server.chromeFlags });

const short = (u) => decodeURI(u).replace(/^https?:\/\/[^/]+/, '').replace(/^\/(en|ar)\/search\//, '').slice(0, 60);
function describe(node) {
  if (node.type === 'network') return `net ${short(node.request.url)} (${node.request.resourceType}, ${node.request.priority}, ${node.request.transferSize} B)`;
  const names = [...new Set(node.childEvents.filter((e) => ['EvaluateScript', 'FunctionCall', 'ResourceSendRequest', 'Layout', 'Paint', 'ParseHTML', 'TimerFire', 'v8.compile', 'XHRReadyStateChange', 'RunMicrotasks'].includes(e.name)).map((e) => e.name === 'ResourceSendRequest' ? `send ${short(e.args.data.url)}` : e.name === 'EvaluateScript' ? `eval ${short(e.args.data.url ?? '')}` : e.name))].slice(0, 6);
  return `cpu ${((node.endTime - node.startTime) / 1000).toFixed(1)} ms observed: ${names.join(', ')}`;
}
function chain(estimate, label) {
  const timings = estimate.nodeTimings;
  const entries = [...timings.entries()];
  const [last] = entries.reduce((a, b) => (b[1].endTime > a[1].endTime ? b : a));
  console.log(`  ${label}: ${Math.round(estimate.timeInMs)} ms; ${entries.length} nodes (${entries.filter(([n]) => n.type === 'cpu').length} CPU, simulated CPU ${Math.round(entries.filter(([n]) => n.type === 'cpu').reduce((s, [, t]) => s + t.duration, 0))} ms)`);
  const path = [];
  for (let node = last; node; ) {
    path.push(node);
    // The dependency that finished last is the one that held this node back.
    node = node.getDependencies().filter((d) => timings.has(d)).reduce((a, b) => (!a || timings.get(b).endTime > timings.get(a).endTime ? b : a), undefined);
  }
  for (const node of path.reverse()) {
    const t = timings.get(node);
    console.log(`    ${Math.round(t.startTime).toString().padStart(5)}–${Math.round(t.endTime).toString().padStart(5)}  ${describe(node)}`);
  }
  console.log('    CPU nodes in the graph (simulated start–end):');
  for (const [node, t] of entries.filter(([n]) => n.type === 'cpu').sort((a, b) => a[1].startTime - b[1].startTime)) console.log(`      ${Math.round(t.startTime).toString().padStart(5)}–${Math.round(t.endTime).toString().padStart(5)}  ${describe(node)}`);
}

try {
  for (const lang of langs.length ? langs : ['en', 'ar']) {
    const result = await lighthouse(server.url(SEARCH_PAGES[lang]), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result.lhr;
    writeFileSync(join(out, `${lang}.json`), JSON.stringify(lhr));
    const a = (id) => lhr.audits[id]?.numericValue;
    console.log(`${lang}: perf ${Math.round(lhr.categories.performance.score * 100)} FCP ${Math.round(a('first-contentful-paint'))} LCP ${Math.round(a('largest-contentful-paint'))} TBT ${Math.round(a('total-blocking-time'))} SI ${Math.round(a('speed-index'))}`);
    const context = { settings: lhr.configSettings, computedCache: new Map(), options: {} };
    const data = Audit.makeMetricComputationDataInput(result.artifacts, context);
    const lcp = await LanternLargestContentfulPaint.request(data, context);
    chain(lcp.optimisticEstimate, 'optimistic');
    chain(lcp.pessimisticEstimate, 'pessimistic');
  }
} finally {
  chrome.kill();
  await server.stop();
}
