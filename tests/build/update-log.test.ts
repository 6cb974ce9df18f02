/**
 * The update log as readers and feed readers see it, on a build of the mini fixture after a
 * follow-up report (tests/helpers/updated-fixture.ts) under the sub-path /briefings/:
 * "Updated <date>" beside the briefing's date, a dated log at the end with links, and the update
 * date in the site and topic feeds (RSS `<atom:updated>`, JSON Feed `date_modified`), parsed
 * with feedsmith, and in the briefing's JSON-LD (`dateModified`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, readSite, type BuiltSite } from '../helpers/site.ts';
import { UPDATE_DATE, updatedFixture } from '../helpers/updated-fixture.ts';

const BASE = '/briefings/';
const work = mkdtempSync(join(tmpdir(), 'briefings-updates-'));
const out = join(work, 'dist');
const fixture = updatedFixture();
let site: BuiltSite;

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...cleanEnv(), BRIEFING_ROOT: fixture.root, BASE_PATH: BASE, OUT_DIR: out, ASTRO_CACHE: join(work, 'astro'), CARDS_CACHE: join(work, 'cards'), SEARCH_CACHE: join(work, 'search') },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  site = readSite(out, BASE);
}, 240_000);
afterAll(() => {
  fixture.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('update log on a built site', () => {
  it.each([
    ['en', 'Updated', '20 November 2025'],
    ['ar', 'آخر تحديث', '20 نوفمبر 2025'],
  ])('the %s briefing shows "Updated <date>" beside its date and a dated log at the end', (lang, label, day) => {
    const page = site.pages.get(`/${lang}/briefings/sample/`)!;
    // The briefing's own date closes the provenance strip under the headline.
    const meta = page.querySelector('header .provenance > div:last-child dd')!;
    const times = meta.querySelectorAll('time').map((t) => t.getAttribute('datetime'));
    expect(times).toEqual(['2025-10-30', UPDATE_DATE]);
    const stamp = meta.querySelector('a[href="#updates"]')!;
    expect(stamp.text).toBe(`${label} ${day}`);
    const log = page.querySelector('section[aria-labelledby="updates"]')!;
    expect(log.querySelector('h2#updates')).not.toBeNull();
    const entries = log.querySelectorAll('ol > li');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).toBe(UPDATE_DATE);
    // The citation and the "new source" link both land on the follow-up source.
    const links = entries[0]!.querySelectorAll('a[href]').map((a) => a.getAttribute('href'));
    expect(links).toContain(`${BASE}${lang}/sources/followup/#p2`);
    expect(links).toContain(`${BASE}${lang}/sources/followup/`);
    for (const href of links) expect(site.fileFor(href!.split('#')[0]!), href!).toBeDefined();
  });

  it.each(['en', 'ar'])('the %s briefing\'s JSON-LD gives the update as dateModified', (lang) => {
    const page = site.pages.get(`/${lang}/briefings/sample/`)!;
    const nodes = page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
    const flat = nodes.flatMap((n) => (Array.isArray(n['@graph']) ? (n['@graph'] as Record<string, unknown>[]) : [n]));
    const article = flat.find((n) => String(n['@type']).includes('Article'))!;
    expect([article.datePublished, article.dateModified]).toEqual(['2025-10-30', UPDATE_DATE]);
  });

  it.each(['en', 'ar'])('the %s site and topic feeds carry the update date', (lang) => {
    const iso = `${UPDATE_DATE}T00:00:00.000Z`;
    for (const dir of [join(out, lang), join(out, lang, 'topics', 'turkey')]) {
      const rss = parseRssFeed(readFileSync(join(dir, 'rss.xml'), 'utf8'));
      expect(rss.items?.map((i) => [new URL(i.link!).pathname, i.atom?.updated])).toEqual([[`${BASE}${lang}/briefings/sample/`, iso]]);
      expect(rss.items?.[0]?.content?.encoded).toContain(`${UPDATE_DATE}`);
      const json = parseJsonFeed(readFileSync(join(dir, 'feed.json'), 'utf8'));
      expect(json.items?.map((i) => [new URL(i.url!).pathname, i.date_modified, i.date_published])).toEqual([[`${BASE}${lang}/briefings/sample/`, iso, '2025-10-30T00:00:00.000Z']]);
    }
  });
});
