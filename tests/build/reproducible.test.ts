/**
 * Builds are reproducible and atomic: two clean builds of the same tree (fresh card and image
 * caches, different time zones, run at different moments) give byte-identical output; a failed
 * build leaves the previous output untouched; an unchanged language's search index comes from the
 * cache, and an edit re-indexes only its own language; no code reads the clock for anything it
 * embeds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture.ts';
import { fingerprint } from '../helpers/fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(outDir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...process.env, OUT_DIR: outDir, ...env }, encoding: 'utf8' });
}

/** Output folder and environment for building a copy of the fixture, with caches of its own. */
function fixtureBuild(root: string, name: string) {
  return { out: join(work, name), env: { BRIEFING_ROOT: root, ASTRO_CACHE: join(work, `${name}-astro`), CARDS_CACHE: join(work, `${name}-cards`), SEARCH_CACHE: join(work, `${name}-search`) } };
}


describe('builds', () => {
  it('two clean builds are byte-identical (pages, search index, cards, images)', () => {
    const runs = ['UTC', 'Pacific/Kiritimati'].map((tz, i) => {
      const out = join(work, `site-${i}`);
      const result = build(out, { TZ: tz, ASTRO_CACHE: join(work, `astro-${i}`), CARDS_CACHE: join(work, `cards-${i}`), IMAGES_CACHE: join(work, `images-${i}`), SEARCH_CACHE: join(work, `search-${i}`) });
      expect(result.status, result.stderr).toBe(0);
      return fingerprint(out);
    });
    expect(Object.keys(runs[0]!).length).toBeGreaterThan(300);
    const differing = Object.keys({ ...runs[0], ...runs[1] }).filter((f) => runs[0]![f] !== runs[1]![f]);
    expect(differing).toEqual([]);
    // Two clean builds take about 70 s of CPU, but on the shared 2-core machine they have taken
    // over 400 s of wall clock (load average 18): the limit guards against a hang, not speed.
  }, 900_000);

  it('a failed build keeps the last good site and leaves no half-written output', () => {
    const fixture = copyFixture();
    try {
      const { out, env } = fixtureBuild(fixture.root, 'atomic');
      expect(build(out, env).status).toBe(0);
      // The page build's note to the build script that the cards' process is over goes with it.
      expect(existsSync(`${out}.cards-done`)).toBe(false);
      const before = fingerprint(out);
      fixture.edit('content/briefings/en/sample.md', (t) => t.replace('[[turkey|Ankara]]', '[[turky|Ankara]]'));
      const failed = build(out, env);
      expect(failed.status).not.toBe(0);
      expect(`${failed.stdout}${failed.stderr}`).toContain('content/briefings/en/sample.md');
      expect(`${failed.stdout}${failed.stderr}`).toContain('unchanged');
      expect(fingerprint(out)).toEqual(before);
      expect(existsSync(`${out}.staging`)).toBe(false);
      expect(existsSync(`${out}.cards-done`)).toBe(false);
    } finally {
      fixture.cleanup();
    }
  }, 180_000);

  it('the search index is reused while its documents are unchanged, and rebuilt per language', () => {
    const fixture = copyFixture();
    try {
      const { out, env } = fixtureBuild(fixture.root, 'search-cache');
      const bundle = (lang: string) => fingerprint(join(out, 'pagefind', lang));
      const indexLine = (r: ReturnType<typeof build>) => /\[search-index\] .*/.exec(r.stdout)?.[0] ?? r.stdout + r.stderr;

      const first = build(out, env);
      expect(first.status, first.stderr).toBe(0);
      expect(indexLine(first)).not.toContain('from cache');
      const [ar, en] = [bundle('ar'), bundle('en')];

      const again = build(out, env);
      expect(again.status, again.stderr).toBe(0);
      expect(indexLine(again)).toMatch(/ar \d+ in [\d.]+ s, unchanged: from cache, en \d+ in [\d.]+ s, unchanged: from cache/);
      expect([bundle('ar'), bundle('en')]).toEqual([ar, en]);

      fixture.edit('content/briefings/en/sample.md', (t) => t.replace('[[turkey|Ankara]]', '[[turkey|Ankara]] (edited)'));
      const edited = build(out, env);
      expect(edited.status, edited.stderr).toBe(0);
      expect(indexLine(edited)).toMatch(/ar \d+ in [\d.]+ s, unchanged: from cache, en \d+ in [\d.]+ s\)/);
      expect(bundle('ar')).toEqual(ar);
      expect(bundle('en')).not.toEqual(en);
    } finally {
      fixture.cleanup();
    }
  }, 240_000);

  it('no source that runs at build time reads the clock', () => {
    const offenders: string[] = [];
    // src/scripts/ is bundled for the reader's browser and never run by the build: the search
    // page tags Pagefind's entry with its own load time there (engine.ts, metaCacheTag).
    const BROWSER_ONLY = join('src', 'scripts');
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name);
        if (full === BROWSER_ONLY) continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|astro|mjs)$/.test(name) && /new Date\(\s*\)|Date\.now\(\)/.test(readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
