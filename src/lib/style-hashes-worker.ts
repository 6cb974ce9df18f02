/**
 * The thread of startStyleHashes (style-hashes.ts): reads the pages given in `workerData`
 * (StyleHashesInput) and answers `{ ok: true, hashes }` or `{ ok: false, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pageStyleHashes, type StyleHashesInput } from './style-hashes.ts';

try {
  parentPort?.postMessage({ ok: true, hashes: pageStyleHashes(workerData as StyleHashesInput) });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
