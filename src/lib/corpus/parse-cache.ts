/**
 * The corpus's parse cache (part of the build cache: `briefings-parse-cache` in Astro's
 * cacheDir, src/integrations/incremental-pages.ts). Loading the corpus parses the YAML of every
 * source, topic and briefing file and hashes every briefing's content for the alignment check;
 * for an unchanged file, both come from here instead.
 *
 * Only what is a pure function of a file's text is kept: the YAML's data, syntax errors and the
 * line of every value (yaml-source.ts yamlSnapshot), and a briefing's content revision
 * (editorial/alignment.ts). An entry is found by the hash of the text it was made from, and the
 * whole cache belongs to one version of the code that makes its entries (the yaml package's
 * version and the source of the modules below); any other version starts empty. Everything else
 * (schemas, cross-references, editorial rules) runs on every load, so every problem of every
 * file, changed or not, is reported as before, with its line.
 *
 * Off unless started (the dev server, `npm run check` and tests parse every file). The file is
 * written whole under a temporary name and renamed, and keeps only the entries this build used.
 *
 * Kept by line-cache.ts: an entry is read and parsed only when a file asks for it, and a build
 * writes only its new entries, instead of the whole file being parsed and serialised again on
 * every build.
 */
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { contentRevision } from '../editorial/alignment.ts';
import { openLineCache, type LineCache } from '../line-cache.ts';
import { stopParsePrefetch, takePrefetched } from './parse-prefetch.ts';
import { parseYamlSource, yamlSnapshot, yamlSourceOf, type YamlSnapshot, type YamlSource } from '../yaml-source.ts';
import { sharedState } from '../shared-state.ts';

interface State {
  cache?: LineCache | undefined;
  hits: number;
  misses: number;
}

// One state for every copy of this module (shared-state.ts).
const state = sharedState<State>('__briefingsParseCache', () => ({ hits: 0, misses: 0 }));

/** The code an entry depends on; undefined when it cannot be read (then nothing is cached). */
function codeVersion(): string | undefined {
  try {
    const hash = createHash('sha256');
    hash.update(String((createRequire(import.meta.url)('yaml/package.json') as { version: string }).version));
    for (const module of ['../yaml-source.ts', '../editorial/alignment.ts', './parse-cache.ts', '../line-cache.ts']) hash.update('\0').update(readFileSync(new URL(module, import.meta.url)));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * Turns the cache on for this process, with the entries saved in `file` by the same code; returns
 * how many entries it holds from earlier builds (0: none, every text is parsed in this build).
 */
export function startParseCache(file: string): number {
  const version = codeVersion();
  state.cache = version ? openLineCache(file, version) : undefined;
  state.hits = 0;
  state.misses = 0;
  return state.cache?.saved ?? 0;
}

/**
 * Writes the entries this build used and turns the cache off; returns how many YAML texts came
 * from the cache, of all, and how many entries the prefetch made ahead (when it ran).
 */
export function saveParseCache(): { hits: number; total: number; ahead?: number } | undefined {
  const ahead = stopParsePrefetch();
  if (!state.cache) return undefined;
  state.cache.save();
  state.cache = undefined;
  return { hits: state.hits, total: state.hits + state.misses, ...(ahead === undefined ? {} : { ahead }) };
}

const keyOf = (...parts: (string | number)[]) => hash('sha256', parts.join('\0'), 'base64url');

/** The name of the entry of a YAML text's snapshot (also made ahead by parse-prefetch-worker.ts). */
export const yamlEntryName = (text: string, firstLine: number): string => `yaml:${keyOf(firstLine, text)}`;

/** The name of the entry of a file text's content revision (also made ahead by parse-prefetch-worker.ts). */
export const revisionEntryName = (text: string): string => `revision:${keyOf('revision', text)}`;

/** parseYamlSource(text, firstLine), from the cache when this text was parsed before. */
export function cachedYamlSource(text: string, firstLine = 1): YamlSource {
  const cache = state.cache;
  if (!cache) return parseYamlSource(text, firstLine);
  const name = yamlEntryName(text, firstLine);
  const known = cache.get(name);
  if (known !== undefined) {
    state.hits++;
    return yamlSourceOf(JSON.parse(known) as YamlSnapshot, true);
  }
  state.misses++;
  // Made in this build, ahead, by the prefetch's worker (parse-prefetch.ts): as from the cache.
  const prefetched = takePrefetched(name);
  if (prefetched !== undefined) {
    cache.set(name, prefetched);
    return yamlSourceOf(JSON.parse(prefetched) as YamlSnapshot, true);
  }
  const snapshot = yamlSnapshot(text, firstLine);
  // A text JSON cannot keep exactly is parsed every time.
  if (!snapshot) return parseYamlSource(text, firstLine);
  cache.set(name, JSON.stringify(snapshot));
  return yamlSourceOf(snapshot);
}

/** contentRevision(text), from the cache when this text was hashed before. */
export function cachedContentRevision(text: string): string {
  const cache = state.cache;
  if (!cache) return contentRevision(text);
  const name = revisionEntryName(text);
  const known = cache.get(name);
  if (known !== undefined) return known;
  const revision = takePrefetched(name) ?? contentRevision(text);
  cache.set(name, revision);
  return revision;
}
