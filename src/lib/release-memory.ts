/**
 * Gives the memory the corpus load left behind back to the system before the pages render, where
 * the search index step may run beside them (src/integrations/search-documents.ts): it costs the
 * page build time (src/lib/search/index-memory.ts, indexMayRunBesidePages).
 *
 * Loading the corpus holds every file's text, YAML and checks' data until the checks have run,
 * and writing the search documents makes as much again in short-lived values; V8 grows its heap
 * for that peak and keeps the freed pages for itself afterwards (a regular full collection does
 * not return them). The page build then renders for minutes at that size: at 5,000 bench sources
 * `astro build` stayed near 3 GB resident with under 1 GB of live objects, and the search index
 * step could not run beside it within the build's memory budget (scripts/build.mjs). One
 * memory-reducing collection, once, returns those pages (1,000 bench sources, after the corpus
 * load: 774 MB resident -> 331 MB, in 0.36 s); the heap then grows from what is live.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

export function releaseFreedMemory(): void {
  // V8's own collector, as --expose-gc would give it, taken from a fresh context so that no
  // `gc` is left on this process's global object.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as Collect | undefined;
  setFlagsFromString('--no-expose-gc');
  collect?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
