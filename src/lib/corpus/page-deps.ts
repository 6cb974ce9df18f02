/**
 * Incremental page builds: a page is rendered again only when something it read from the corpus
 * changed (Astro's experimental incremental build skips a page whose `cacheKey` and code are
 * unchanged, and copies its last output).
 *
 * While a page renders (src/middleware.ts), the corpus it gets from `getCorpus()` records what
 * it reads: each method call with its arguments (`mentionedIn('en', 'turkey')`), each entry it
 * looks up in a map (`sources.get(id)`), each map it walks and each other property it reads.
 * Those reads are saved per page in the build cache. The next build gives each page a cacheKey
 * made of its reads and what they return now: any change to any of them gives a new key, so
 * the page is rendered again and records its reads afresh. A page never rendered before gets a
 * key that matches nothing.
 *
 * Pages must get corpus data through `getCorpus()` while they render; data cached across pages
 * in module scope would be invisible to this (hashing and normalising caches keyed by their
 * input, such as normalize.ts's, are fine).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { contentHash } from '../content-hash.ts';
import { writeFileReplacing } from '../link-files.ts';
import { beforeRender } from './linked-pages.ts';
import type { Corpus } from './model.ts';

interface Recording {
  reads: Set<string>;
  tracked?: Corpus;
}

interface State {
  /** Where the reads are saved; undefined: nothing is recorded (dev server, incremental builds off). */
  file?: string;
  previous: Record<string, string[]>;
  next: Map<string, string[]>;
  /** The pages of this build that got a cacheKey. */
  pages: Set<string>;
  values: Map<string, string>;
  als: AsyncLocalStorage<Recording>;
}

// Astro loads this module twice (the config's integrations and the bundled pages): one state.
const shared = globalThis as typeof globalThis & { __briefingsPageDeps?: State };
const state: State = (shared.__briefingsPageDeps ??= { previous: {}, next: new Map(), pages: new Set(), values: new Map(), als: new AsyncLocalStorage() });

/** Turns recording on for this build, with the reads the last build saved in `file`. */
export function startPageDeps(file: string): void {
  state.file = file;
  state.next = new Map();
  state.pages = new Set();
  state.values = new Map();
  try {
    state.previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
  } catch {
    state.previous = {};
  }
}

/**
 * Saves every page's reads: this build's, and the last build's for pages it skipped. A page
 * rendered in this build had a cacheKey made of its previous reads (or none); Astro's manifest
 * (`incremental-build.json` in the same folder) gets the key its reads make now instead, which
 * is what the next build computes when nothing changed, so the next build can skip it. Without
 * that, each page would render twice after any change to what it reads.
 */
export function savePageDeps(corpus: Corpus, astroManifest: string): void {
  if (!state.file) return;
  rekeyAstroManifest(corpus, astroManifest);
  const out: Record<string, string[]> = {};
  for (const page of [...state.pages].sort()) {
    const reads = state.next.get(page) ?? state.previous[page];
    if (reads) out[page] = reads;
  }
  writeFileReplacing(state.file, JSON.stringify(out));
}

export const pageKey = (routePattern: string, params: Record<string, string | number | undefined>): string =>
  `${routePattern} ${JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]))}`;

/** The path Astro's incremental manifest files a page under: the route with its params filled in. */
const astroPathname = (key: string): string => {
  const space = key.indexOf(' ');
  const params = new Map(JSON.parse(key.slice(space + 1)) as [string, string][]);
  return key.slice(0, space).replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params.get(name) ?? ''));
};

interface AstroManifest {
  version?: number;
  routes?: Record<string, { paths?: Record<string, { cacheKey?: string | number }> }>;
}

function rekeyAstroManifest(corpus: Corpus, file: string): void {
  let manifest: AstroManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as AstroManifest;
  } catch {
    return;
  }
  // A format this code does not know: leave it (pages then render once more, nothing worse).
  if (manifest.version !== 1 || typeof manifest.routes !== 'object') return;
  const fresh = new Map([...state.next.keys()].map((key) => [astroPathname(key), key]));
  for (const route of Object.values(manifest.routes)) {
    for (const [pathname, entry] of Object.entries(route.paths ?? {})) {
      const key = fresh.get(pathname);
      if (key && entry.cacheKey !== undefined) entry.cacheKey = keyOf(corpus, state.next.get(key)!);
    }
  }
  writeFileReplacing(file, JSON.stringify(manifest, null, '\t'));
}

/** Responses whose whole body is already in memory: the page they carry has finished rendering. */
const complete = new WeakSet<Response>();

/**
 * A response made from a body already read whole (the middleware's page with its previews):
 * `recordPage` needs no second read of it to know the page is done, nor a copy of its bytes.
 */
export function completeResponse(body: Uint8Array<ArrayBuffer>, init: Response): Response {
  const response = new Response(body, init);
  complete.add(response);
  return response;
}

/** Runs a page's render with its reads recorded (src/middleware.ts). */
export async function recordPage(key: string, render: () => Promise<Response>): Promise<Response> {
  if (!state.file) return render();
  // A page linked from the cache (linked-pages.ts) is about to be written anew, not in place.
  beforeRender(astroPathname(key));
  const recording: Recording = { reads: new Set() };
  return state.als.run(recording, async () => {
    const response = await render();
    if (complete.has(response)) {
      state.next.set(key, [...recording.reads].sort());
      return response;
    }
    // The body streams while the page renders: read it all before the reads are complete.
    const body = await response.arrayBuffer();
    state.next.set(key, [...recording.reads].sort());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
}

/** The corpus a page sees while it renders: this build's, recording what the page reads. */
export function trackedCorpus(corpus: Corpus): Corpus {
  const recording = state.file ? state.als.getStore() : undefined;
  if (!recording) return corpus;
  return (recording.tracked ??= track(corpus, recording.reads));
}

function track(corpus: Corpus, reads: Set<string>): Corpus {
  const maps = new Map<string, unknown>();
  return new Proxy(corpus, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string') return value;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          reads.add(`call ${prop} ${JSON.stringify(args)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (value instanceof Map) {
        if (!maps.has(prop)) maps.set(prop, trackMap(value, prop, reads));
        return maps.get(prop);
      }
      // A record of lists (briefings by language): each list read is its own read.
      if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        return new Proxy(value as object, {
          get(object, key) {
            if (typeof key === 'string') reads.add(`prop ${prop}.${key}`);
            else reads.add(`prop ${prop}`);
            return Reflect.get(object, key);
          },
          ownKeys(object) {
            reads.add(`prop ${prop}`);
            return Reflect.ownKeys(object);
          },
        });
      }
      reads.add(`prop ${prop}`);
      return value;
    },
  });
}

function trackMap<K, V>(map: Map<K, V>, prop: string, reads: Set<string>): Map<K, V> {
  const whole = () => reads.add(`map ${prop}`);
  return new Proxy(map, {
    get(target, name) {
      if (name === 'get' || name === 'has') {
        return (key: K) => {
          reads.add(`entry ${prop} ${JSON.stringify(key)}`);
          return name === 'get' ? target.get(key) : target.has(key);
        };
      }
      whole();
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A page's cacheKey: its recorded reads and what each returns now. */
export function pageCacheKey(corpus: Corpus, key: string): string {
  state.pages.add(key);
  const reads = state.previous[key];
  // Never rendered with recording: a key no earlier build can have.
  if (!reads) return `new ${randomUUID()}`;
  return keyOf(corpus, reads);
}

function keyOf(corpus: Corpus, reads: readonly string[]): string {
  const hash = createHash('sha256');
  for (const read of reads) hash.update(read).update('\0').update(valueOf(corpus, read)).update('\0');
  return hash.digest('hex');
}

function valueOf(corpus: Corpus, read: string): string {
  let value = state.values.get(read);
  if (value !== undefined) return value;
  const [kind, prop, rest] = split(read);
  const c = corpus as unknown as Record<string, unknown>;
  let current: unknown;
  if (kind === 'call') current = typeof c[prop] === 'function' ? (c[prop] as (...a: unknown[]) => unknown)(...(JSON.parse(rest) as unknown[])) : undefined;
  else if (kind === 'entry') current = (c[prop] as Map<unknown, unknown> | undefined)?.get(JSON.parse(rest));
  else if (kind === 'map') current = c[prop] instanceof Map ? [...(c[prop] as Map<unknown, unknown>)] : c[prop];
  else {
    // `prop briefings.en`: one list of a record of lists.
    const dot = prop.indexOf('.');
    current = dot < 0 ? c[prop] : (c[prop.slice(0, dot)] as Record<string, unknown> | undefined)?.[prop.slice(dot + 1)];
  }
  value = contentHash(current);
  state.values.set(read, value);
  return value;
}

function split(read: string): [string, string, string] {
  const a = read.indexOf(' ');
  const b = read.indexOf(' ', a + 1);
  return b < 0 ? [read.slice(0, a), read.slice(a + 1), ''] : [read.slice(0, a), read.slice(a + 1, b), read.slice(b + 1)];
}
