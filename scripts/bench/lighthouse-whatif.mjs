#!/usr/bin/env node
// `node scripts/bench/lighthouse-whatif.mjs <built site dir> [lang …]` — what Lighthouse 13's
// simulated LCP (Lantern, mobile) of a search page would be with some of its requests changed:
// one audit of each search page (served as `bench:lighthouse` serves it), then Lantern's LCP of
// that same load simulated again with requests made smaller or left out (each scenario below
// restores the requests after it). So before building a change, one sees whether its bytes or
// requests would move the figure at all: Lantern's download time goes in whole round trips of
// its TCP model (150 ms), so a saving shows only when it takes a round trip off the requests
// that end last. The requests of the load are listed with their start (ms after the document's),
// priority and bytes.
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { Audit } from 'lighthouse/core/audits/audit.js';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { getComputationDataParams } from 'lighthouse/core/computed/metrics/lantern-metric.js';
import { serveForLighthouse } from '../../tests/helpers/lighthouse.ts';
import { SEARCH_PAGES, builtSiteBase } from './lib.mjs';

const [dir, ...langs] = process.argv.slice(2);
if (!dir) {
  console.error('usage: lighthouse-whatif.mjs <built site dir> [en] [ar]');
  process.exit(1);
}
const root = resolve(dir);
const LCP = Lantern.Metrics.LargestContentfulPaint;
const path = (node) => decodeURI(node.request.url).replace(/^https?:\/\/[^/]+/, '');
const matching = (re) => (node) => re.test(path(node));
/** Scales the bytes of the matching requests. */
const scale = (re, factor) => (nodes) => {
  for (const node of nodes.filter(matching(re))) node.request.transferSize = Math.round(node.request.transferSize * factor);
};
/** Leaves the matching requests out of the simulated load. */
const without = (re) => () => matching(re);
/** Leaves out every fragment file but the first asked for. */
const firstFragmentOnly = (nodes) => {
  const [first] = nodes.filter(matching(/\.pf_fragment$/)).sort((a, b) => a.startTime - b.startTime);
  return (node) => matching(/\.pf_fragment$/)(node) && node !== first;
};

const SCENARIOS = [
  ['as measured', undefined],
  ['fragment files x0.7', scale(/\.pf_fragment$/, 0.7)],
  ['fragment files x0.5', scale(/\.pf_fragment$/, 0.5)],
  ['only the first fragment file', firstFragmentOnly],
  ['no Naskh files', without(/\.woff2$/)],
  ['Naskh files x0.5', scale(/\.woff2$/, 0.5)],
  ['no print CSS, manifest, favicon, sw-register', without(/print\.[^/]*\.css$|\.webmanifest$|favicon|sw-register/)],
  ['WebAssembly x0', scale(/wasm\.[^/]*\.pagefind$/, 0)],
  ['index chunk x0', scale(/\.pf_index$/, 0)],
  ["Pagefind's script x0", scale(/pagefind\.js$/, 0)],
  ['our search script x0', scale(/SearchView[^/]*\.js$/, 0)],
  ['our search data x0', scale(/search-data\.json$/, 0)],
  ["no Pagefind entry, metadata", without(/pagefind-entry\.json|\.pf_meta$/)],
  ['every request x0.9', scale(/./, 0.9)],
];

const server = await serveForLighthouse(root, builtSiteBase(root));
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: server.chromeFlags });
try {
  for (const lang of langs.length ? langs : ['en', 'ar']) {
    const result = await lighthouse(server.url(SEARCH_PAGES[lang]), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const { lhr, artifacts } = result;
    const a = (id) => Math.round(lhr.audits[id].numericValue);
    console.log(`${lang}: perf ${Math.round(lhr.categories.performance.score * 100)} FCP ${a('first-contentful-paint')} LCP ${a('largest-contentful-paint')}`);
    const context = { settings: lhr.configSettings, computedCache: new Map(), options: {} };
    const { simulator, graph, processedNavigation } = await getComputationDataParams(Audit.makeMetricComputationDataInput(artifacts, context), context);
    const nodes = [];
    graph.traverse((node) => nodes.push(node));
    const requests = nodes.filter((node) => node.type === 'network');
    for (const [label, change] of SCENARIOS) {
      const saved = requests.map((node) => [node, node.request.transferSize]);
      const leaveOut = change?.(requests) ?? (() => false);
      // Lantern's LCP: the mean of its optimistic and pessimistic graphs' simulations.
      const estimate = (g) => LCP.getEstimateFromSimulation(simulator.simulate(g.cloneWithRelationships((node) => !(node.type === 'network' && leaveOut(node))), { label })).timeInMs;
      const optimistic = estimate(LCP.getOptimisticGraph(graph, processedNavigation));
      const pessimistic = estimate(LCP.getPessimisticGraph(graph, processedNavigation));
      for (const [node, bytes] of saved) node.request.transferSize = bytes;
      console.log(`  ${label.padEnd(46)} LCP ${Math.round((optimistic + pessimistic) / 2)} (optimistic ${Math.round(optimistic)}, pessimistic ${Math.round(pessimistic)})`);
    }
    const start = requests[0].startTime;
    for (const node of requests) console.log(`    ${String(Math.round((node.startTime - start) / 1000)).padStart(4)} ms  ${node.request.priority.padEnd(8)} ${String(node.request.transferSize).padStart(6)} B  ${path(node).slice(0, 70)}`);
  }
} finally {
  chrome.kill();
  await server.stop();
}
