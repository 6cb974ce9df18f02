/**
 * The corpus's parse cache (part of the build cache: `briefings-parse-cache.json` in Astro's
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
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { contentRevision } from '../editorial/alignment.ts';
import { readJsonCache, writeJsonCache } from '../json-cache.ts';
import { parseYamlSource, yamlSnapshot, yamlSourceOf, type YamlSnapshot, type YamlSource } from '../yaml-source.ts';

interface Saved {
  version: string;
  yaml: Record<string, YamlSnapshot>;
  revisions: Record<string, string>;
}

interface State {
  file?: string | undefined;
  version?: string | undefined;
  previous: Saved;
  next: Saved;
  hits: number;
  misses: number;
}

const empty = (version = ''): Saved => ({ version, yaml: {}, revisions: {} });
// Astro loads this module twice (the config's integrations and the bundled pages): one state.
const shared = globalThis as typeof globalThis & { __briefingsParseCache?: State };
const state: State = (shared.__briefingsParseCache ??= { previous: empty(), next: empty(), hits: 0, misses: 0 });

/** The code an entry depends on; undefined when it cannot be read (then nothing is cached). */
function codeVersion(): string | undefined {
  try {
    const hash = createHash('sha256');
    hash.update(String((createRequire(import.meta.url)('yaml/package.json') as { version: string }).version));
    for (const module of ['../yaml-source.ts', '../editorial/alignment.ts', './parse-cache.ts']) hash.update('\0').update(readFileSync(new URL(module, import.meta.url)));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** Turns the cache on for this process, with the entries saved in `file` by the same code. */
export function startParseCache(file: string): void {
  const version = codeVersion();
  state.file = version ? file : undefined;
  state.version = version;
  state.next = empty(version);
  state.hits = 0;
  state.misses = 0;
  state.previous = (version && readJsonCache<Saved>(file, version)) || empty();
}

/**
 * Writes the entries this build used and turns the cache off; returns how many YAML texts came
 * from the cache, of all.
 */
export function saveParseCache(): { hits: number; total: number } | undefined {
  const file = state.file;
  if (!file) return undefined;
  const { version, ...entries } = state.next;
  writeJsonCache(file, version, entries);
  const counts = { hits: state.hits, total: state.hits + state.misses };
  state.file = undefined;
  state.previous = empty();
  state.next = empty();
  return counts;
}

const keyOf = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\0')).digest('base64url');

/** parseYamlSource(text, firstLine), from the cache when this text was parsed before. */
export function cachedYamlSource(text: string, firstLine = 1): YamlSource {
  if (!state.file) return parseYamlSource(text, firstLine);
  const key = keyOf(firstLine, text);
  const known = state.next.yaml[key] ?? state.previous.yaml[key];
  if (known) {
    state.hits++;
    state.next.yaml[key] = known;
    return yamlSourceOf(known);
  }
  state.misses++;
  const snapshot = yamlSnapshot(text, firstLine);
  // A text JSON cannot keep exactly is parsed every time.
  if (!snapshot) return parseYamlSource(text, firstLine);
  state.next.yaml[key] = snapshot;
  return yamlSourceOf(snapshot);
}

/** contentRevision(text), from the cache when this text was hashed before. */
export function cachedContentRevision(text: string): string {
  if (!state.file) return contentRevision(text);
  const key = keyOf('revision', text);
  const revision = state.next.revisions[key] ?? state.previous.revisions[key] ?? contentRevision(text);
  state.next.revisions[key] = revision;
  return revision;
}
