/**
 * Incremental builds (src/lib/corpus/page-deps.ts): with the build cache, a page is rendered again
 * only when what it read from the corpus changed, and the site is byte for byte the site a clean
 * build makes of the same content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture.ts';
import { fingerprint } from '../helpers/fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const envOf = (root: string, cache: string, out: string) => ({ ...process.env, FORCE_COLOR: '0', BRIEFING_ROOT: root, OUT_DIR: out, ASTRO_CACHE: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images'), SEARCH_CACHE: join(cache, 'search') });

function build(root: string, cache: string, out: string) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: envOf(root, cache, out), encoding: 'utf8' });
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
  };
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

      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nOne more sentence, added by the incremental build test.\n`);
      fixture.edit('content/topics/turkey.yaml', (t) => t.replace(/en: "?Turkey"?/, 'en: "Turkey (renamed)"'));
      const edited = build(fixture.root, cache, out);
      expect(edited.rendered).toBeGreaterThan(again.rendered);
      expect(edited.copied).toBeGreaterThan(0);
      // A topic renamed changes the names every document is analysed with: none is reused.
      expect(edited.documents?.[0]).toBe(0);

      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nAnd one sentence more.\n`);
      const small = build(fixture.root, cache, out);
      // One English briefing edited: its own document is analysed again, not the others'.
      const [reused, total] = small.documents ?? [];
      expect(reused).toBeGreaterThan(0);
      expect(reused).toBeLessThan(total!);

      // A page the build no longer has (a briefing back to draft) must go, not stay linked.
      expect(existsSync(join(out, 'en', 'briefings', 'sample', 'index.html'))).toBe(true);
      fixture.edit('content/briefings/en/sample.md', (t) => t.replace(/^---\n/, '---\ndraft: true\n'));
      build(fixture.root, cache, out);
      expect(existsSync(join(out, 'en', 'briefings', 'sample', 'index.html'))).toBe(false);

      const clean = join(work, 'clean');
      build(fixture.root, join(work, 'clean-cache'), clean);
      expect(fingerprint(out)).toEqual(fingerprint(clean));
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
      // The pages render (the edited one written anew), then the search documents step fails.
      const failed = spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...envOf(fixture.root, cache, out), SEARCH_BUNDLE_PAGES: '0' }, encoding: 'utf8' });
      expect(failed.status).not.toBe(0);
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
