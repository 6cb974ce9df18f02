/**
 * Incremental builds (src/lib/corpus/page-deps.ts): with the build cache, a page is rendered again
 * only when what it read from the corpus changed, and the site is byte for byte the site a clean
 * build makes of the same content.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture.ts';
import { fingerprint } from '../helpers/fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(root: string, cache: string, out: string) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, FORCE_COLOR: '0', BRIEFING_ROOT: root, OUT_DIR: out, ASTRO_CACHE: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images'), SEARCH_CACHE: join(cache, 'search') },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  // Astro logs each page it writes: "(+12ms)" when rendered, "(cached)" or "(restored)" when copied.
  const stdout = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  return { rendered: stdout.match(/ \(\+[\d.]+m?s\)/g)?.length ?? 0, copied: stdout.match(/\((?:cached|restored)\)/g)?.length ?? 0 };
}

describe('incremental builds', () => {
  it('copy unchanged pages, render what an edit touched, and give the clean build\'s site', () => {
    const fixture = copyFixture();
    try {
      const cache = join(work, 'cache');
      const out = join(work, 'site');
      const first = build(fixture.root, cache, out);
      expect(first.rendered).toBeGreaterThan(10);

      const again = build(fixture.root, cache, out);
      // Only pages without a getStaticPaths (the entry page, 404, robots.txt) render every time.
      expect(again.rendered).toBeLessThanOrEqual(3);
      expect(again.copied).toBe(first.rendered - again.rendered);

      fixture.edit('content/briefings/en/sample.md', (t) => `${t.trimEnd()}\n\nOne more sentence, added by the incremental build test.\n`);
      fixture.edit('content/topics/turkey.yaml', (t) => t.replace(/en: "?Turkey"?/, 'en: "Turkey (renamed)"'));
      const edited = build(fixture.root, cache, out);
      expect(edited.rendered).toBeGreaterThan(again.rendered);
      expect(edited.copied).toBeGreaterThan(0);

      const clean = join(work, 'clean');
      build(fixture.root, join(work, 'clean-cache'), clean);
      expect(fingerprint(out)).toEqual(fingerprint(clean));
    } finally {
      fixture.cleanup();
    }
  }, 600_000);
});
