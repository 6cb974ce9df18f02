/**
 * How many pages a build renders, known before the first renders (src/lib/corpus/render-count.ts),
 * and when a build's inputs are those of the cache's last build (src/lib/corpus/build-inputs.ts):
 * only then are pages linked from the cache with their key unchanged left out of the count.
 */
import { describe, expect, it } from 'vitest';
import type { AstroConfig } from 'astro';
import { astroConfigHash, buildInputs, sameInputs } from '../../src/lib/corpus/build-inputs.ts';
import { pagesToRender } from '../../src/lib/corpus/render-count.ts';

const linked = new Map([
  ['/en/sources/a/', 'key-a'],
  ['/en/sources/b/', 'key-b'],
  ['/ar/sources/a/', 'key-a-ar'],
]);
const linkedKey = (pathname: string) => linked.get(pathname);

describe('pagesToRender: the keyed pages of a route that render', () => {
  it.each([
    // [case, paths (pathname, key now), from the cache, pages]
    ['every key unchanged: none', [['/en/sources/a/', 'key-a'], ['/en/sources/b/', 'key-b']], true, 0],
    ['one key changed', [['/en/sources/a/', 'key-a'], ['/en/sources/b/', 'changed']], true, 1],
    ['a page not linked (new, or no cached copy)', [['/en/sources/c/', 'key-c'], ['/ar/sources/a/', 'key-a-ar']], true, 1],
    ['another build’s inputs: every page', [['/en/sources/a/', 'key-a'], ['/en/sources/b/', 'key-b']], false, 2],
    ['no paths', [], true, 0],
    ['a key that was never made of reads', [['/en/sources/a/', 'new 0b8e']], true, 1],
  ] as [string, [string, string][], boolean, number][])('%s', (_, paths, fromCache, pages) => {
    expect(pagesToRender(paths.map(([pathname, cacheKey]) => ({ pathname, cacheKey })), fromCache, linkedKey)).toBe(pages);
  });
});

describe('sameInputs: the build renders from the cache of a build with the same inputs', () => {
  it.each([
    // [case, inputs now, recorded, last build finished, --force, same]
    ['the same inputs', 'x', 'x', true, false, true],
    ['other inputs (code, config or folder)', 'x', 'y', true, false, false],
    ['none recorded (a first build, or an older version’s cache)', 'x', undefined, true, false, false],
    ['this build’s unknown (no config hash)', undefined, undefined, true, false, false],
    ['the last build did not finish', 'x', 'x', false, false, false],
    ['--force', 'x', 'x', true, true, false],
  ] as [string, string | undefined, string | undefined, boolean, boolean, boolean][])('%s', (_, inputs, recorded, lastFinished, force, same) => {
    expect(sameInputs({ inputs, recorded, lastFinished, force })).toBe(same);
  });
});

describe('buildInputs: the project folder, its code and Astro’s config hash', () => {
  const root = process.cwd();
  it('is the same for the same folder and config hash', () => expect(buildInputs(root, 'c1')).toBe(buildInputs(root, 'c1')));
  it.each([
    ['another config hash', root, 'c2'],
    ['another folder (Astro’s route hashes have the modules’ paths)', `${root}/tests`, 'c1'],
  ])('changes with %s', (_, folder, configHash) => expect(buildInputs(folder, configHash)).not.toBe(buildInputs(root, 'c1')));
});

describe('astroConfigHash: Astro’s own config hash, read from its installed files', () => {
  // Without it every build counts every page as rendered (never wrong, but the index step then waits).
  const config = (site: string) => ({ site, base: '/', build: { format: 'directory' }, vite: { build: {} }, experimental: {}, env: {}, security: {} }) as unknown as AstroConfig;
  it('is found (an Astro upgrade that moves it turns the count off)', async () => expect(await astroConfigHash(config('https://a.example'))).toMatch(/^[0-9a-f]{64}$/));
  it('changes with the config', async () => expect(await astroConfigHash(config('https://a.example'))).not.toBe(await astroConfigHash(config('https://b.example'))));
});
