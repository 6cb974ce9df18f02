/**
 * Lighthouse 13 (mobile profile) over the ten pages (home, briefing, source, topic, search ×
 * ar/en) of the sub-path build, served by nginx over HTTPS and HTTP/2 with the site's security
 * headers and gzip.
 * Asserts what does not move with machine load: accessibility, best practices and SEO at 100,
 * and layout shift (CLS) at most 0.01. Performance scores do move with load; `npm run bench:lighthouse`
 * reports them (scripts/bench/lighthouse.mjs).
 */
import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCertificate } from '../helpers/tls.ts';
import { BASE, DIST } from '../helpers/served-site.ts';
import { LIGHTHOUSE_PAGES, runLighthouse, serveForLighthouse, type AuditedSite, type LighthouseRow as Row } from '../helpers/lighthouse.ts';

let server: AuditedSite;
let rows: Row[] = [];
const page = (r: Row) => decodeURI(new URL(r.url).pathname.slice(BASE.length - 1) + new URL(r.url).search);

beforeAll(async () => {
  server = await serveForLighthouse(DIST, BASE);
  rows = await runLighthouse(LIGHTHOUSE_PAGES.map((p) => server.url(p)), { chromeFlags: server.chromeFlags, withoutPerformance: true });
}, 600_000);
afterAll(async () => server?.stop());

describe('Lighthouse (mobile) on the ten pages', () => {
  // Lighthouse simulates HTTP/1.1 and HTTP/2 differently (tests/helpers/tls.ts): the audited host
  // speaks HTTP/2 over TLS, as the hosts the site is published on do.
  it('audits a host that serves the pages over HTTPS and HTTP/2', async () => {
    expect(rows.every((r) => r.url.startsWith('https://'))).toBe(true);
    const session = connect(server.origin, { ca: localCertificate().cert });
    try {
      const status = await new Promise<number>((ok, fail) => {
        const req = session.request({ ':path': new URL(server.url('/en/')).pathname });
        req.on('response', (headers) => ok(Number(headers[':status'])));
        req.on('error', fail);
        req.end();
      });
      expect(status).toBe(200);
      expect(session.alpnProtocol).toBe('h2');
    } finally {
      session.close();
    }
  });

  it('scores 100 in accessibility, best practices and SEO', () => {
    expect(rows).toHaveLength(LIGHTHOUSE_PAGES.length);
    const below = rows
      .filter((r) => r.accessibility < 100 || r.bestPractices < 100 || r.seo < 100)
      .map((r) => `${page(r)}: accessibility ${r.accessibility}, best practices ${r.bestPractices}, SEO ${r.seo} (${r.failing.join('; ')})`);
    expect(below).toEqual([]);
  });

  const shifting = (search: boolean) =>
    rows.filter((r) => page(r).includes('/search/') === search && !(r.cls <= 0.01)).map((r) => `${page(r)}: CLS ${r.cls.toFixed(3)}`);

  it('shifts no layout: CLS at most 0.01 on home, briefing, source and topic pages', () => {
    expect(rows).toHaveLength(LIGHTHOUSE_PAGES.length);
    expect(shifting(false)).toEqual([]);
  });

  // The search page keeps a screen's height for its results, so they push nothing down as they
  // arrive (issue 11; tests/e2e/search-layout.test.ts measures the same in Chromium directly).
  it('shifts no layout on the search pages: CLS at most 0.01 while results arrive', () => {
    expect(shifting(true)).toEqual([]);
  });
});
