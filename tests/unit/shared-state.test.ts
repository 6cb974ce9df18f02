/**
 * State shared by every copy of a module (src/lib/shared-state.ts): two copies of a module, as
 * Astro loads them (the config's and the pages' bundle), get one state; slots come and go; and
 * every registered key is owned by one module and named as it always was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedSlot, sharedState, type SharedKey, type SharedSlot } from '../../src/lib/shared-state.ts';

// Keys of this test only, outside the register (cast: the register lists the site's keys).
const STATE = '__briefingsTestState' as SharedKey;
const SLOT = '__briefingsTestSlot' as SharedKey;
const slots = globalThis as Record<string, unknown>;

afterEach(() => {
  delete slots[STATE];
  delete slots[SLOT];
});

describe('sharedState', () => {
  it('makes the state once, by the first copy that asks, and gives every copy the same one', async () => {
    let made = 0;
    const first = sharedState(STATE, () => ({ made: ++made, count: 0 }));
    first.count++;
    // A second copy of the module, as Astro's second load of it.
    vi.resetModules();
    const copy = (await import('../../src/lib/shared-state.ts')) as typeof import('../../src/lib/shared-state.ts');
    expect(copy.sharedState).not.toBe(sharedState);
    const second = copy.sharedState(STATE, () => ({ made: ++made, count: 0 }));
    expect(second).toBe(first);
    expect(second).toEqual({ made: 1, count: 1 });
    expect(made).toBe(1);
    expect(slots[STATE]).toBe(first);
  });

  it('keeps a falsy state as made (only an absent one is made again)', () => {
    expect(sharedState(STATE, () => 0)).toBe(0);
    expect(sharedState(STATE, () => 1)).toBe(0);
  });
});

describe('sharedSlot', () => {
  it.each([
    ['absent until set', (s: SharedSlot<string>) => s.get(), undefined, false],
    ['set', (s: SharedSlot<string>) => (s.set('/base/'), s.get()), '/base/', true],
    ['set again', (s: SharedSlot<string>) => (s.set('/a/'), s.set('/b/'), s.get()), '/b/', true],
    ['cleared', (s: SharedSlot<string>) => (s.set('/a/'), s.clear(), s.get()), undefined, false],
  ] as const)('%s', (_, act, value, present) => {
    expect(act(sharedSlot<string>(SLOT))).toBe(value);
    expect(SLOT in slots).toBe(present);
  });

  it('is the same value for every slot made on the key, and for sharedState on it', () => {
    const a = sharedSlot<{ n: number }>(SLOT);
    const b = sharedSlot<{ n: number }>(SLOT);
    a.set({ n: 1 });
    expect(b.get()).toBe(a.get());
    expect(sharedState(SLOT, () => ({ n: 2 }))).toBe(a.get());
  });
});

describe('the register of keys', () => {
  const SRC = join(import.meta.dirname, '../../src');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
  const sources = files(SRC).map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }));
  const register = sources.find((s) => s.file === 'lib/shared-state.ts')!.text;
  const registered = [...register.matchAll(/^\s*\| '(__briefings\w+)'/gm)].map((m) => m[1]!);

  // The keys as they have always been named (other copies and tests read some of them).
  it.each([
    ['__briefingsBase', 'lib/urls.ts'],
    ['__briefingsBuildCode', 'lib/code-fingerprint.ts'],
    ['__briefingsContentHashes', 'lib/content-hash.ts'],
    ['__briefingsCorpus', 'lib/corpus/index.ts'],
    ['__briefingsDevPreview', 'lib/corpus/dev-preview.ts'],
    ['__briefingsLinkedPages', 'lib/corpus/linked-pages.ts'],
    ['__briefingsLinking', 'lib/corpus/linked-pages.ts'],
    ['__briefingsPageDeps', 'lib/corpus/page-deps.ts'],
    ['__briefingsParseCache', 'lib/corpus/parse-cache.ts'],
    ['__briefingsParsePrefetch', 'lib/corpus/parse-prefetch.ts'],
    ['__briefingsRenderCache', 'lib/corpus/render-cache.ts'],
    ['__briefingsRenderCount', 'lib/corpus/render-count.ts'],
  ])('%s: registered, and used by %s alone', (key, owner) => {
    expect(registered).toContain(key);
    const users = sources.filter((s) => s.file !== 'lib/shared-state.ts' && s.text.includes(`'${key}'`)).map((s) => s.file);
    expect(users).toEqual([owner]);
  });

  it('lists each key once, and no module reaches globalThis for one of its own', () => {
    expect(registered.length).toBe(12);
    expect(new Set(registered).size).toBe(registered.length);
    const direct = sources.filter((s) => s.file !== 'lib/shared-state.ts' && /globalThis[^;\n]*__briefings|__briefings\w*\?:/.test(s.text)).map((s) => s.file);
    expect(direct).toEqual([]);
  });
});
