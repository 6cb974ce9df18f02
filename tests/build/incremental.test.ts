/**
 * Incremental builds (src/lib/corpus/page-deps.ts): with the build cache, a page is rendered again
 * only when what it read from the corpus changed, and the site is byte for byte the site a clean
 * build makes of the same content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture.ts';
import { fingerprint } from '../helpers/fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const envOf = (root: string, cache: string, out: string) => ({ ...process.env, FORCE_COLOR: '0', BRIEFING_ROOT: root, OUT_DIR: out, ASTRO_CACHE: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images'), SEARCH_CACHE: join(cache, 'search'), OFFLINE_CACHE: join(cache, 'offline') });

function build(root: string, cache: string, out: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...envOf(root, cache, out), ...extraEnv }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  // Astro logs each page it writes: "(+12ms)" when rendered, "(cached)" or "(restored)" when copied.
  const stdout = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  return {
    rendered: stdout.match(/ \(\+[\d.]+m?s\)/g)?.length ?? 0,
    copied: stdout.match(/\((?:cached|restored)\)/g)?.length ?? 0,
    // "(cached)": the page was already in place, hard-linked from the cache (linked-pages.ts).
    linked: stdout.match(/\(cached\)/g)?.length ?? 0,
    // Search documents taken from the documents' cache, of all (documents-cache.ts).
    documents: /wrote \d+ documents .* \((\d+) of (\d+) unchanged, from cache\)/.exec(stdout)?.slice(1).map(Number),
    // YAML texts of the corpus parsed from the parse cache, of all (parse-cache.ts).
    parsed: /corpus: (\d+) of (\d+) file texts parsed from the cache/.exec(stdout)?.slice(1).map(Number),
    // Built files the offline manifest did not read again, of all (offline/manifest.ts).
    offline: /\[offline\] .*\((\d+) of (\d+) files unchanged/.exec(stdout)?.slice(1).map(Number),
    // The sitemap's files linked from the build cache, its inputs unchanged (cached-sitemap.ts).
    sitemapFromCache: /the pages and routes are unchanged, linked from the build cache/.test(stdout),
    // The keyed pages the page build counted before its first page, where the search index step
    // started beside it with a limit of pages (render-count.ts, scripts/build.mjs).
    announced: Number(/\[search-index\] started beside the page build, which renders (\d+) page/.exec(stdout)?.[1] ?? NaN),
    // Whether the page build rendered more keyed pages than it counted (incremental-pages.ts).
    recounted: /counted before the first: Astro rendered pages again/.test(stdout),
    // The seconds the pages waited for the index step past their limit, if they did.
    waited: Number(/waited ([\d.]+) s for it past \d+ page/.exec(stdout)?.[1] ?? 0),
  };
}

/** A build that fails: what it printed, colours removed. */
function failedBuild(root: string, cache: string, out: string): string {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: envOf(root, cache, out), encoding: 'utf8' });
  expect(result.status).not.toBe(0);
  return `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
}

describe('incremental builds', () => {
  it('copy unchanged pages, render what an edit touched, and give the clean build\'s site', () => {
    const fixture = copyFixture();
    try {
      const cache = join(work, 'cache');
      const out = join(work, 'site');
      const first = build(fixture.root, cache, out);
      expect(first.rendered).toBeGreaterThan(10);
      expect(first.documents?.[0]).toBe(0);

      const again = build(fixture.root, cache, out);
      // Only pages without a getStaticPaths (the entry page, 404, robots.txt) render every time.
      expect(again.rendered).toBeLessThanOrEqual(3);
      expect(again.copied).toBe(first.rendered - again.rendered);
      // Unchanged pages are hard links to the cache's copies, not copies.
      expect(again.linked).toBe(again.copied);
      expect(again.documents?.[0]).toBe(again.documents?.[1]);
      // The sitemap and the icons of an unchanged site are the build cache's files (output-cache.ts).
      expect(first.sitemapFromCache).toBe(false);
      expect(again.sitemapFromCache).toBe(true);
      const cachedFile = (entry: string, file: string) => statSync(join(cache, 'astro', entry, 'files', file)).ino;
      for (const file of ['sitemap-index.xml', 'sitemap-0.xml']) expect(statSync(join(out, file)).ino, file).toBe(cachedFile('briefings-sitemap', file));
      for (const file of ['favicon-32.png', 'icon-512.png', 'site.webmanifest']) expect(statSync(join(out, file)).ino, file).toBe(cachedFile('briefings-icons', file));

      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nOne more sentence, added by the incremental build test.\n`);
      fixture.edit('content/topics/turkey.yaml', (t) => t.replace(/en: "?Turkey"?/, 'en: "Turkey (renamed)"'));
      const edited = build(fixture.root, cache, out);
      expect(edited.rendered).toBeGreaterThan(again.rendered);
      expect(edited.copied).toBeGreaterThan(0);
      // A topic renamed changes the names every document is analysed with: none is reused.
      expect(edited.documents?.[0]).toBe(0);

      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nAnd one sentence more.\n`);
      // A memory budget under what the plan predicts if every page rendered (so the index step
      // does not start beside every page, as on this small site it would), not under an edit's.
      const small = build(fixture.root, cache, out, { BUILD_MEMORY_MB: '1100' });
      // One English briefing edited: its own document is analysed again, not the others'.
      const [reused, total] = small.documents ?? [];
      expect(reused).toBeGreaterThan(0);
      expect(reused).toBeLessThan(total!);
      // Its bundle is indexed beside the pages, the page build having said how many it renders
      // before the first (scripts/build.mjs, render-count.ts): exactly those it renders, less the
      // pages of routes without keyed paths (rendered every time, as in the unchanged build).
      expect(small.announced).toBe(small.rendered - again.rendered);
      expect(small.recounted).toBe(false);
      expect(small.waited).toBe(0);

      // A limit of no page beside the index step (scripts/build.mjs, BUILD_PAGES_BESIDE_INDEX): the
      // page build renders nothing until the index step is over (render-count.ts), so every page it
      // renders is written after every file of the index.
      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nA sentence rendered after the index.\n`);
      const waiting = build(fixture.root, cache, out, { BUILD_PAGES_BESIDE_INDEX: '0' });
      expect(waiting.announced).toBe(small.announced);
      const mtimes = (dir: string): number[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? mtimes(join(dir, e.name)) : [statSync(join(dir, e.name)).mtimeMs]));
      expect(statSync(join(out, 'en', 'briefings', 'sample', 'index.html')).mtimeMs).toBeGreaterThanOrEqual(Math.max(...mtimes(join(out, 'pagefind'))));

      // An edit of a briefing's text changes no page's address: the sitemap is the cache's.
      expect(small.sitemapFromCache).toBe(true);

      // A page the build no longer has (a briefing back to draft) must go, not stay linked.
      expect(existsSync(join(out, 'en', 'briefings', 'sample', 'index.html'))).toBe(true);
      expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).toContain('/en/briefings/sample/');
      fixture.edit('content/briefings/en/sample.md', (t) => t.replace(/^---\n/, '---\ndraft: true\n'));
      const drafted = build(fixture.root, cache, out);
      expect(existsSync(join(out, 'en', 'briefings', 'sample', 'index.html'))).toBe(false);
      // Nor in the sitemap: the page list changed, so it is made again, not taken from the cache.
      expect(drafted.sitemapFromCache).toBe(false);
      expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('/en/briefings/sample/');

      // A config change Astro renders every page again for (its config hash: the site's address),
      // with no code changed: the page build sees it (build-inputs.ts), counts every page, and the
      // index step is planned as for a cold build (no limit of pages beside it); none rendered
      // more than counted.
      const otherSite = build(fixture.root, cache, out, { SITE_URL: 'https://another.example.org', BUILD_MEMORY_MB: '1100' });
      expect(otherSite.copied).toBe(0);
      expect(otherSite.rendered).toBe(drafted.rendered + drafted.copied);
      expect(otherSite.announced).toBeNaN();
      expect(otherSite.recounted).toBe(false);
      // Back to the usual address: every page again, as Astro renders them.
      const back = build(fixture.root, cache, out);
      expect(back.copied).toBe(0);

      const clean = join(work, 'clean');
      build(fixture.root, join(work, 'clean-cache'), clean);
      expect(fingerprint(out)).toEqual(fingerprint(clean));
    } finally {
      fixture.cleanup();
    }
  }, 600_000);

  // Each kind of content file, edited alone: the incremental build (its parse cache, linked pages,
  // cards, search documents and bundles) gives the clean build's site byte for byte.
  it('after an edit of a source, a briefing or a topic, give the clean build\'s site', () => {
    const fixture = copyFixture();
    try {
      const cache = join(work, 'each-cache');
      const out = join(work, 'each-site');
      // (Under the test runner, NODE_ENV=test, the corpus is loaded again for each page: counts
      // are of every load.)
      const first = build(fixture.root, cache, out);
      expect(first.parsed?.[0]).toBeLessThan(first.parsed![1]!);
      const again = build(fixture.root, cache, out);
      expect(again.parsed?.[0]).toBe(again.parsed?.[1]);
      // The pages a clean build rendered are the files the next build links (the cache's copies
      // are the same files, linked-pages.ts shareRenderedPages): right after a clean build, the
      // offline manifest reads again no more files than after any other build.
      const third = build(fixture.root, cache, out);
      expect(again.offline?.[1]).toBe(third.offline?.[1]);
      expect(again.offline?.[0]).toBe(third.offline?.[0]);
      expect(again.offline?.[0]).toBeGreaterThan(first.offline![1]! / 2);
      const edits: [string, string, (t: string) => string][] = [
        ['source', 'content/sources/sample.yaml', (t) => t.replace('en: "Sample headline"', 'en: "Sample headline, edited"')],
        ['briefing', 'content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nA sentence added by the incremental build test.\n`],
        ['topic', 'content/topics/axios.yaml', (t) => t.replace(/en: "?Axios"?/, 'en: "Axios (edited)"')],
      ];
      for (const [kind, file, change] of edits) {
        const before = readFileSync(join(fixture.root, file), 'utf8');
        fixture.edit(file, change);
        expect(readFileSync(join(fixture.root, file), 'utf8'), `${kind} edit`).not.toBe(before);
        const edited = build(fixture.root, cache, out);
        // Unchanged pages are the same files as in the last build (linked from the cache): the
        // offline manifest does not read them again.
        expect(edited.offline?.[0], kind).toBeGreaterThan(0);
        // The edited YAML was parsed again (a briefing's body is not YAML), the rest came from the cache.
        if (kind !== 'briefing') expect(edited.parsed?.[0], kind).toBeLessThan(edited.parsed![1]!);
        expect(edited.parsed?.[0], kind).toBeGreaterThan(0);
        const clean = join(work, `each-clean-${kind}`);
        build(fixture.root, join(work, `each-clean-cache-${kind}`), clean);
        expect(fingerprint(out), kind).toEqual(fingerprint(clean));
      }

      // An error in a file the parse cache holds unchanged (the briefing lists a topic that is
      // now gone) is reported with its file and line, as a build without the cache reports it.
      fixture.remove('content/topics/axios.yaml');
      const cached = failedBuild(fixture.root, cache, out);
      const uncached = failedBuild(fixture.root, join(work, 'each-error-cache'), join(work, 'each-error-site'));
      // The problem list: each file, then each problem's line and message.
      const problems = (log: string) => /\d+ errors? in \d+ files?:\n([\s\S]*?)\n\s*Hint:/.exec(log)?.[1];
      expect(problems(cached)).toBeDefined();
      expect(problems(cached)).toBe(problems(uncached));
      expect(problems(cached)).toMatch(/content\/briefings\/en\/sample\.md\n\s+6\s+error\s+unknown topic "axios"\n/);
    } finally {
      fixture.cleanup();
    }
  }, 600_000);

  it('a build that fails after writing pages leaves the site as it was, and the next build is still a clean build\'s', () => {
    const fixture = copyFixture();
    try {
      const cache = join(work, 'failed-cache');
      const out = join(work, 'failed-site');
      build(fixture.root, cache, out);
      // Again: now the live site's unchanged pages are the cache's files (hard links).
      build(fixture.root, cache, out);
      const before = fingerprint(out);
      const file = join(fixture.root, 'content/briefings/en/sample.md');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, `${original.trimEnd()}\n\nA sentence of a build that fails.\n`);
      // The pages render (the edited one written anew), then the cards step fails: every cached
      // card is a folder, which cannot be linked into the site (the cache is put back after). (The
      // search documents, whose failure this test used before, are written before the pages now.)
      const cards = join(cache, 'cards');
      renameSync(cards, `${cards}.kept`);
      for (const name of readdirSync(`${cards}.kept`)) mkdirSync(join(cards, name), { recursive: true });
      const failed = spawnSync(process.execPath, ['scripts/build.mjs'], { env: envOf(fixture.root, cache, out), encoding: 'utf8' });
      rmSync(cards, { recursive: true });
      renameSync(`${cards}.kept`, cards);
      expect(failed.status).not.toBe(0);
      expect(failed.stderr + failed.stdout).toMatch(/EISDIR/);
      expect(failed.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/\(\+[\d.]+m?s\)/);
      // The live site shares files with the cache (hard links): none was written in place.
      expect(fingerprint(out)).toEqual(before);

      // Back to the content the cache's manifest describes: its copy of the page is the failed
      // build's, so the next build must not trust it.
      writeFileSync(file, original);
      build(fixture.root, cache, out);
      expect(fingerprint(out)).toEqual(before);
    } finally {
      fixture.cleanup();
    }
  }, 600_000);
});
