/**
 * A thread that indexes search bundles for write-index.ts, one at a time, each in a fresh
 * Pagefind process of its own (index-bundle.ts says why a thread: one Pagefind process uses one
 * core). Receives `{ bundle, docs, outDir }`, answers `{ ok: true }` or `{ ok: false, error }`
 * once the bundle is written and its Pagefind process has ended.
 */
import { parentPort } from 'node:worker_threads';
import type { BundleEntry } from './documents.ts';
import { closePagefind, indexBundle } from './index-bundle.ts';

export interface IndexJob {
  bundle: Pick<BundleEntry, 'name' | 'urls' | 'maxFragments'>;
  docs: string;
  outDir: string;
}
export type IndexJobResult = { ok: true } | { ok: false; error: string };

parentPort?.on('message', async ({ bundle, docs, outDir }: IndexJob) => {
  let result: IndexJobResult = { ok: true };
  try {
    await indexBundle(bundle, docs, outDir);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await closePagefind();
  }
  parentPort?.postMessage(result);
});
