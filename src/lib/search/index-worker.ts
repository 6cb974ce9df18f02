/**
 * A thread that indexes search bundles for write-index.ts, one at a time, each in a fresh
 * Pagefind process of its own (index-bundle.ts says why a thread: one Pagefind process uses one
 * core). Receives `{ bundle, docs, outDir, before }`, answers `{ ok: true, hashes, ids }` (its
 * fragment files' hashes, its pages' ids) or `{ ok: false, error }` once the bundle is written and its Pagefind process
 * has ended.
 */
import { parentPort } from 'node:worker_threads';
import type { BundleEntry } from './documents.ts';
import { closePagefind, indexBundle } from './index-bundle.ts';
import type { FragmentHashes, PageIds, StrippedBefore } from './strip-fragments.ts';

export interface IndexJob {
  bundle: Pick<BundleEntry, 'name' | 'urls' | 'maxFragments'>;
  docs: string;
  outDir: string;
  before?: StrippedBefore;
}
export type IndexJobResult = { ok: true; hashes: FragmentHashes; ids: PageIds } | { ok: false; error: string };

parentPort?.on('message', async ({ bundle, docs, outDir, before }: IndexJob) => {
  let result: IndexJobResult;
  try {
    result = { ok: true, ...(await indexBundle(bundle, docs, outDir, before)) };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await closePagefind();
  }
  parentPort?.postMessage(result);
});
