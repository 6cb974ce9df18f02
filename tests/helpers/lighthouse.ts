/**
 * Lighthouse 13 (mobile profile, its defaults) over the ten pages the site is judged by: home,
 * briefing, source, topic and search, in Arabic and English. Drives the system Chromium
 * (CHROME_PATH, else /usr/bin/chromium) through chrome-launcher; never downloads a browser.
 * Used by the Lighthouse test (what does not depend on machine load: accessibility, best
 * practices, SEO, CLS) and by `npm run bench:lighthouse` (all four categories).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { Audit } from 'lighthouse/core/audits/audit.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';
import { serveWithNginx, type Served } from './nginx.ts';
import { localCertificate } from './tls.ts';

/** Root-relative paths (without base) of the ten pages. */
export const LIGHTHOUSE_PAGES = [
  '/ar/',
  '/en/',
  '/ar/briefings/italy-founding-member/',
  '/en/briefings/italy-founding-member/',
  '/ar/sources/italy-founding-member/',
  '/en/sources/italy-founding-member/',
  '/ar/topics/turkey/',
  '/en/topics/turkey/',
  `/ar/search/?q=${encodeURIComponent('تركيا')}`,
  '/en/search/?q=Turkey',
];

export interface AuditedSite extends Served {
  /** CHROME_FLAGS and the flag that makes Chromium trust the site's certificate (tls.ts). */
  chromeFlags: string[];
}

/**
 * Serves a built site as the audited host: nginx over HTTPS and HTTP/2, as static hosts serve
 * sites to phones (GitHub Pages, Netlify, Cloudflare Pages; tls.ts says why it matters to
 * Lighthouse), with the site's security headers (the strict CSP the pages are held to) and gzip
 * for text, as static hosts compress (the page-weight budget and `bench:search` count gzip bytes
 * too). Pagefind's index files are compressed already.
 */
export async function serveForLighthouse(dist: string, base: string): Promise<AuditedSite> {
  const headers = join(resolve(dist), 'nginx-security-headers.conf');
  const tls = localCertificate();
  const served = await serveWithNginx(dist, base, {
    tls,
    siteDirectives: `${existsSync(headers) ? `include ${headers};` : ''}
      gzip on; gzip_types text/css application/javascript text/javascript application/json application/wasm application/manifest+json image/svg+xml;`,
  });
  return { ...served, chromeFlags: [...CHROME_FLAGS, tls.trustFlag] };
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export interface LighthouseRow {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  /** With `networkFloor`: Lighthouse's simulated LCP of the same load with the page's CPU work taken to ~0 (NaN otherwise). */
  lcpNetworkMs: number;
  /** Failing audits of accessibility, best practices and SEO ("seo: Document has a meta description"). */
  failing: string[];
  warnings: string[];
}

export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];

/**
 * Audits each URL in turn (a cold load each: Lighthouse clears the origin's storage first).
 * Returns one row per URL: the four category scores (0–100), CLS, LCP and TBT, and the
 * titles of failing audits of the scored categories other than performance.
 */
export interface RunOptions {
  /** Chromium's flags: the audited site's (AuditedSite.chromeFlags), which trust its certificate. */
  chromeFlags: string[];
  onResult?: (row: LighthouseRow) => void;
  /**
   * Skip the performance category (its score, LCP and TBT read NaN/0) but keep CLS: the test
   * asserts no performance figure, and the lab simulations cost CPU on a shared machine.
   */
  withoutPerformance?: boolean;
  /**
   * Also simulate the load again with the CPU slowdown taken to ~0 (Lantern, the same network
   * model and requests): what the network alone costs before the largest paint. When that is
   * above the LCP a score needs, no main-thread work can reach it.
   */
  networkFloor?: boolean;
}

/** Lantern's LCP of a run's trace with almost no CPU cost: the network's share (see RunOptions.networkFloor). */
async function networkFloorLcp(artifacts: unknown, settings: { throttling: object }): Promise<number> {
  const floor = { ...settings, throttling: { ...settings.throttling, cpuSlowdownMultiplier: 0.001 } };
  const context = { settings: floor, computedCache: new Map(), options: {} };
  const data = Audit.makeMetricComputationDataInput(artifacts as never, context as never);
  return (await LanternLargestContentfulPaint.request(data, context as never)).timing;
}

export async function runLighthouse(urls: string[], { chromeFlags, onResult, withoutPerformance = false, networkFloor = false }: RunOptions): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags });
  const rows: LighthouseRow[] = [];
  try {
    for (const url of urls) {
      const only = withoutPerformance
        ? { onlyCategories: CATEGORIES.filter((c) => c !== 'performance'), onlyAudits: ['cumulative-layout-shift'] }
        : { onlyCategories: CATEGORIES };
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', ...only });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const failing: string[] = [];
      for (const id of ['accessibility', 'best-practices', 'seo']) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${audit.title}`);
        }
      }
      const row = {
        url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
        lcpNetworkMs: networkFloor && !withoutPerformance ? await networkFloorLcp(result.artifacts, lhr.configSettings) : NaN,
        failing,
        warnings: lhr.runWarnings ?? [],
      } satisfies LighthouseRow;
      rows.push(row);
      onResult?.(row);
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
