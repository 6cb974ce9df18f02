/**
 * A hash of a value's content (strings, numbers, arrays, maps, sets and plain objects, deeply),
 * for the build cache: what a page read (corpus/page-deps.ts), what a language's search
 * documents are made of (search/documents.ts).
 *
 * Records (briefings, sources, topics, pages: objects with a string `id` and `file`) are hashed
 * once per process and stand in other hashes as their hash, so a briefing reached from a hundred
 * places is hashed once. The corpus is not changed during a build, so this memo stays true.
 */
import { createHash, type Hash } from 'node:crypto';

const hashed = new WeakMap<object, string>();
const isRecord = (v: object) => typeof (v as { id?: unknown }).id === 'string' && typeof (v as { file?: unknown }).file === 'string';

export function contentHash(value: unknown): string {
  const hash = createHash('sha256');
  feed(hash, value, true);
  return hash.digest('hex');
}

function recordHash(record: object): string {
  let own = hashed.get(record);
  if (own === undefined) {
    own = contentHash(record);
    hashed.set(record, own);
  }
  return own;
}

function feed(hash: Hash, value: unknown, root: boolean): void {
  if (value === null || typeof value !== 'object') {
    hash.update(typeof value === 'function' ? 'fn\u0001' : `${typeof value}:${String(value)}\u0001`);
    return;
  }
  if (!root && isRecord(value)) {
    hash.update(`#${recordHash(value)}`);
    return;
  }
  if (value instanceof Date) {
    hash.update(`date:${value.getTime()}\u0001`);
    return;
  }
  if (ArrayBuffer.isView(value)) {
    hash.update(`bytes:${value.byteLength}:`).update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return;
  }
  if (Array.isArray(value)) {
    hash.update(`[${value.length}`);
    for (const item of value) feed(hash, item, false);
  } else if (value instanceof Map) {
    hash.update(`M${value.size}`);
    for (const [k, v] of value) {
      feed(hash, k, false);
      feed(hash, v, false);
    }
  } else if (value instanceof Set) {
    hash.update(`S${value.size}`);
    for (const item of value) feed(hash, item, false);
  } else {
    hash.update('{');
    for (const k of Object.keys(value)) {
      hash.update(`${k}:`);
      feed(hash, (value as Record<string, unknown>)[k], false);
    }
  }
  hash.update(']');
}
