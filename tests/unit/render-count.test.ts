/**
 * How many pages a build renders, known before the first renders, and the limit it holds to beside
 * the search index step (src/lib/corpus/render-count.ts); and when a build's inputs are those of
 * the cache's last build (src/lib/corpus/build-inputs.ts): only then are pages linked from the
 * cache with their key unchanged left out of the count.
 */
import { describe, expect, it } from 'vitest';
import type { AstroConfig } from 'astro';
import { buildInputs, configHash, sameInputs } from '../../src/lib/corpus/build-inputs.ts';
import { mustWait, pagesBesideIndexFile, pagesToRender, renderCountFile } from '../../src/lib/corpus/render-count.ts';

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

describe('buildInputs: the project folder, its code and its config’s hash', () => {
  const root = process.cwd();
  it('is the same for the same folder and config hash', () => expect(buildInputs(root, 'c1')).toBe(buildInputs(root, 'c1')));
  it.each([
    ['another config hash', root, 'c2'],
    ['another folder (Astro’s route hashes have the modules’ paths)', `${root}/tests`, 'c1'],
  ])('changes with %s', (_, folder, configHash) => expect(buildInputs(folder, configHash)).not.toBe(buildInputs(root, 'c1')));
});

describe('configHash: the resolved config, a superset of what Astro’s own config hash covers', () => {
  const config = (over: Record<string, unknown> = {}) =>
    ({ site: 'https://a.example', base: '/', build: { format: 'directory' }, markdown: { gfm: true }, vite: { build: { minify: true }, plugins: [{ name: 'p', transform() {} }] }, integrations: [{ name: 'i', hooks: {} }], experimental: {}, ...over }) as unknown as AstroConfig;
  it('is the same for the same config, its keys in any order', () => expect(configHash(config())).toBe(configHash({ ...config(), base: '/', site: 'https://a.example' } as AstroConfig)));
  it.each([
    // Fields of Astro 7.3's hash (config-hash/input.js) and one it does not cover.
    ['site', { site: 'https://b.example' }],
    ['base', { base: '/sub/' }],
    ['build.format', { build: { format: 'file' } }],
    ['markdown', { markdown: { gfm: false } }],
    ['vite.build', { vite: { build: { minify: false } } }],
    ['a field Astro’s hash leaves out (outDir): planned as a cold build, never wrongly', { outDir: new URL('file:///other/') }],
  ])('changes with %s', (_, over) => expect(configHash(config(over))).not.toBe(configHash(config())));
  it('leaves out the code of integrations and Vite plugins (the code fingerprint has it)', () => {
    const other = config({ integrations: [{ name: 'j', hooks: { x() {} } }], vite: { build: { minify: true }, plugins: [] } });
    expect(configHash(other)).toBe(configHash(config()));
  });
  it('is undefined for a config it cannot serialise (then every page counts as rendered)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(configHash(config({ markdown: cyclic }))).toBeUndefined();
  });
});

describe('mustWait: a page past the limit the build script gave waits for the index step', () => {
  it.each([
    // [case, the page's number (from 1), limit, index step over, waits]
    ['no limit (a cold build, or the index step after the pages)', 40_000, undefined, false, false],
    ['within the limit', 62, 3886, false, false],
    ['the last page of the limit', 3886, 3886, false, false],
    ['one past it', 3887, 3886, false, true],
    ['past it, the index step over', 3887, 3886, true, false],
    ['a limit of none: the first page waits', 1, 0, false, true],
  ] as [string, number, number | undefined, boolean, boolean][])('%s', (_, rendered, limit, indexDone, waits) => {
    expect(mustWait({ rendered, limit, indexDone })).toBe(waits);
  });
});

describe('the files between the build script and the page build', () => {
  it.each([
    ['a limit', '{"pages":3886}', 3886],
    ['none', '{"pages":0}', 0],
    ['empty', '', undefined],
    ['negative', '{"pages":-1}', undefined],
    ['not a whole number', '{"pages":1.5}', undefined],
    ['a string', '{"pages":"70"}', undefined],
    ['null', 'null', undefined],
    ['no file', undefined, undefined],
    ['torn', '{"pag', undefined],
  ])('PAGES_BESIDE_INDEX: %s', (_, text, pages) => expect(pagesBesideIndexFile(text)).toBe(pages));

  it.each([
    ['a count', '{"pages":62,"rendered":62,"waitedMs":0}', { pages: 62, rendered: 62, waitedMs: 0 }],
    ['more rendered than counted, and a wait', '{"pages":62,"rendered":300,"waitedMs":8100}', { pages: 62, rendered: 300, waitedMs: 8100 }],
    ['a part missing', '{"pages":62}', undefined],
    ['a part not a whole number', '{"pages":62,"rendered":62,"waitedMs":0.5}', undefined],
    ['empty', '', undefined],
    ['null', 'null', undefined],
    ['no file', undefined, undefined],
    ['torn', '{"pages":62,"rendered":6', undefined],
  ])('RENDER_COUNT: %s', (_, text, count) => expect(renderCountFile(text)).toEqual(count));
});
