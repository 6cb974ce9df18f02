/**
 * State shared by every copy of a module in one process. Astro (Vite) evaluates some modules more
 * than once per build: once from the config, for the integrations, and once bundled, for the
 * pages (the dev server: once per environment, and again after an edit of the module). A
 * module-level `let` or `Map` would then be one per copy, and the copies would disagree (a cache
 * filled by one and read empty by the other, a count kept twice). So per-build state lives on
 * globalThis, under a key registered here: one list of every key in use, so two modules cannot
 * take the same one by accident, and a key is never renamed (tests and other processes' copies
 * read some of them directly, e.g. tests/unit/parse-prefetch.test.ts).
 */

/** Every key on globalThis that holds shared state, and the module that owns it. */
export type SharedKey =
  | '__briefingsBase' // urls.ts: the configured base
  | '__briefingsBuildCode' // code-fingerprint.ts: the code's fingerprint, once per process
  | '__briefingsContentHashes' // content-hash.ts: records' hashes
  | '__briefingsCorpus' // corpus/index.ts: the loaded corpus, by root
  | '__briefingsDevPreview' // corpus/dev-preview.ts: the dev server's draft preview
  | '__briefingsLinkedPages' // corpus/linked-pages.ts: pages linked from the cache
  | '__briefingsLinking' // corpus/linked-pages.ts: the linking under way
  | '__briefingsPageDeps' // corpus/page-deps.ts: what each page read
  | '__briefingsParseCache' // corpus/parse-cache.ts: the YAML parse cache
  | '__briefingsParsePrefetch' // corpus/parse-prefetch.ts: the parsing worker
  | '__briefingsRenderCache' // corpus/render-cache.ts: the markdown render cache
  | '__briefingsRenderCount'; // corpus/render-count.ts: the pages counted as rendering

const slots = globalThis as typeof globalThis & Partial<Record<SharedKey, unknown>>;

/**
 * The state under `key`, made by `init` by whichever copy of the module asks first. The caller
 * names its type: every copy of a module asks with the same one.
 */
export function sharedState<T>(key: SharedKey, init: () => T): T {
  return (slots[key] ??= init()) as T;
}

/** A value some copies set and others read, absent until set (and after `clear`). */
export interface SharedSlot<T> {
  get(): T | undefined;
  set(value: T): void;
  clear(): void;
}

/** The slot under `key`, for state that comes and goes (a worker while it runs, a setting once made). */
export function sharedSlot<T>(key: SharedKey): SharedSlot<T> {
  return {
    get: () => slots[key] as T | undefined,
    set: (value) => {
      slots[key] = value;
    },
    clear: () => {
      delete slots[key];
    },
  };
}
