/**
 * The search bundles the index step (scripts/index-search.mjs) will index, and the memory one of
 * its jobs needs: a bundle whose key the search index cache holds (`<cache>/<bundle>/key`,
 * write-index.ts) is linked from that cache, not indexed. An edit changes one bundle, so one
 * Pagefind process runs. Read by the build script to plan the index step and by the page build
 * to know whether the index step can run beside its pages (src/integrations/search-documents.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGEFIND_BYTES_PER_CHAR } from './index-memory.ts';

interface Bundle {
  name: string;
  key: string;
  chars: number;
}

/**
 * Whether the search index cache holds this bundle as indexed from these documents: its
 * `<cache>/<bundle>/key` (written last, write-index.ts) is the bundle's key.
 */
export function indexCached(searchCache: string, name: string, key: string): boolean {
  try {
    return readFileSync(join(searchCache, name, 'key'), 'utf8') === key;
  } catch {
    return false;
  }
}

export function bundlesToIndex<B extends Bundle>(bundles: readonly B[], searchCache: string): B[] {
  return bundles.filter((b) => !indexCached(searchCache, b.name, b.key));
}

/** Bytes one index job needs: the largest bundle to index's characters × PAGEFIND_BYTES_PER_CHAR (0: none to index). */
export function indexJobBytes(bundles: readonly Bundle[], searchCache: string): number {
  return Math.max(0, ...bundlesToIndex(bundles, searchCache).map((b) => b.chars)) * PAGEFIND_BYTES_PER_CHAR;
}
