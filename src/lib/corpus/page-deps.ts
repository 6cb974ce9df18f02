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
 * The reads are kept one page a line (`["<page>",[reads…]]`): a build appends the lines of the
 * pages it rendered, whose reads may have changed, and a later line of a page replaces an earlier
 * one; the file is written whole only when it has grown to twice its pages (or a line could not
 * be read). Writing every page's reads at every build took 0.2 s of a one-edit build at 1,000
 * bench sources (5.7 MB), for the few dozen pages an edit renders. A line cut short by a stopped
 * build is not JSON and is left out (its page renders again); a build that stops leaves the
 * `briefings-build-running` mark, and the next build then renders every page anyway.
 *
 * Pages must get corpus data through `getCorpus()` while they render; data cached across pages
 * in module scope would be invisible to this (hashing and normalising caches keyed by their
 * input, such as normalize.ts's, are fine).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { hash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { contentHash } from '../content-hash.ts';
import { writeFileReplacing } from '../link-files.ts';
import { beforeRender, type AstroManifest } from './linked-pages.ts';
import type { Corpus } from './model.ts';
import { pageMayRender } from './render-count.ts';
import { sharedState } from '../shared-state.ts';

interface Recording {
  reads: Set<string>;
  tracked?: Corpus;
}

interface State {
  /** Where the reads are saved; undefined: nothing is recorded (dev server, incremental builds off). */
  file?: string;
  previous: Record<string, string[]>;
  /** Lines in the file, and whether it must be written whole (a line that could not be read). */
  lines: number;
  rewrite: boolean;
  next: Map<string, string[]>;
  /** The pages of this build that got a cacheKey. */
  pages: Set<string>;
  values: Map<string, string>;
  als: AsyncLocalStorage<Recording>;
}

// One state for every copy of this module (shared-state.ts).
const state = sharedState<State>('__briefingsPageDeps', () => ({ previous: {}, lines: 0, rewrite: false, next: new Map(), pages: new Set(), values: new Map(), als: new AsyncLocalStorage() }));

/** One page's line in the reads file. */
export const pageReadsLine = (page: string, reads: readonly string[]): string => `${JSON.stringify([page, reads])}\n`;

/**
 * The reads of a reads file's text: the last line of each page; `lines` counted, and `flawed`
 * when a line is not a page's reads (cut short by a stopped build).
 */
export function parsePageReads(text: string): { reads: Record<string, string[]>; lines: number; flawed: boolean } {
  const reads: Record<string, string[]> = {};
  let lines = 0;
  let flawed = false;
  for (const line of text.split('\n')) {
    if (!line) continue;
    lines++;
    try {
      const entry = JSON.parse(line) as unknown;
      if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]) && entry[1].every((r) => typeof r === 'string')) {
        reads[entry[0]] = entry[1] as string[];
        continue;
      }
    } catch {}
    flawed = true;
  }
  return { reads, lines, flawed };
}

const sameReads = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((r, i) => r === b[i]);

/** Turns recording on for this build, with the reads the last build saved in `file`. */
export function startPageDeps(file: string): void {
  state.file = file;
  state.next = new Map();
  state.pages = new Set();
  state.values = new Map();
  const parsed = existsSync(file) ? parsePageReads(readFileSync(file, 'utf8')) : { reads: {}, lines: 0, flawed: true };
  state.previous = parsed.reads;
  state.lines = parsed.lines;
  state.rewrite = parsed.flawed;
}

/**
 * Saves every page's reads: this build's (appended for the pages it rendered whose reads changed),
 * and the last build's for pages it skipped (already in the file; written again when the file is
 * written whole, which leaves out pages this build no longer has). A page
 * rendered in this build had a cacheKey made of its previous reads (or none); Astro's manifest
 * (`incremental-build.json` in the same folder) gets the key its reads make now instead, which
 * is what the next build computes when nothing changed, so the next build can skip it. Without
 * that, each page would render twice after any change to what it reads. Returns Astro's manifest
 * as written (linked-pages.ts reads it next), undefined when it has a format this code does not know.
 */
export function savePageDeps(corpus: Corpus, astroManifest: string): AstroManifest | undefined {
  if (!state.file) return undefined;
  const manifest = rekeyAstroManifest(corpus, astroManifest);
  const appended: string[] = [];
  for (const [page, reads] of state.next) if (state.pages.has(page) && !sameReads(state.previous[page], reads)) appended.push(pageReadsLine(page, reads));
  if (!state.rewrite && state.lines + appended.length <= 2 * state.pages.size) {
    if (appended.length) appendFileSync(state.file, appended.join(''));
    return manifest;
  }
  const lines: string[] = [];
  for (const page of [...state.pages].sort()) {
    const reads = state.next.get(page) ?? state.previous[page];
    if (reads) lines.push(pageReadsLine(page, reads));
  }
  writeFileReplacing(state.file, lines.join(''));
  return manifest;
}

export const pageKey = (routePattern: string, params: Record<string, string | number | undefined>): string =>
  `${routePattern} ${JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]))}`;

/** The path Astro's incremental manifest files a page under: the route with its params filled in. */
export const astroPathname = (key: string): string => {
  const space = key.indexOf(' ');
  const params = new Map(JSON.parse(key.slice(space + 1)) as [string, string][]);
  return key.slice(0, space).replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params.get(name) ?? ''));
};

function rekeyAstroManifest(corpus: Corpus, file: string): AstroManifest | undefined {
  let manifest: AstroManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as AstroManifest;
  } catch {
    return undefined;
  }
  // A format this code does not know: leave it (pages then render once more, nothing worse).
  if (manifest.version !== 1 || typeof manifest.routes !== 'object') return undefined;
  const fresh = new Map([...state.next.keys()].map((key) => [astroPathname(key), key]));
  for (const route of Object.values(manifest.routes)) {
    for (const [pathname, entry] of Object.entries(route.paths ?? {})) {
      const key = fresh.get(pathname);
      if (key && entry.cacheKey !== undefined) entry.cacheKey = keyOf(corpus, state.next.get(key)!);
    }
  }
  writeFileReplacing(file, JSON.stringify(manifest, null, '\t'));
  return manifest;
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
  // Counted; past the limit the build script gave it beside the search index step, the page
  // waits for that step to be over (render-count.ts).
  const wait = pageMayRender(state.pages.has(key));
  if (wait) await wait;
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
  // One string hashed at once (the same digest as one update per part, four per read, without the calls).
  const parts: string[] = [];
  for (const read of reads) parts.push(read, '\0', valueOf(corpus, read), '\0');
  return hash('sha256', parts.join(''));
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
