/**
 * A hash of a value's content (strings, numbers, arrays, maps, sets and plain objects, deeply),
 * for the build cache: what a page read (corpus/page-deps.ts), what a language's search
 * documents are made of (search/documents.ts).
 *
 * Records (briefings, sources, topics, pages: objects with a string `id` and `file`; and values
 * marked `hashedOnce`) are hashed once per process and stand in other hashes as their hash, so a
 * briefing reached from a hundred places is hashed once. The corpus is not changed during a build, so this memo stays true.
 */
import { createHash, hash } from 'node:crypto';
import { sharedState } from './shared-state.ts';

// One memo for every copy of this module (shared-state.ts), so a record the search documents'
// keys hashed (documents-cache.ts) is not hashed again for the pages'.
const hashed = sharedState('__briefingsContentHashes', () => new WeakMap<object, string>());

/**
 * Marks a value the corpus makes once and pages reach from many places without being a record
 * (a timeline event: in its briefing, on its month's page and on each of its topics' pages):
 * hashed once, and standing in other hashes as its hash, as a record does. The mark is a global
 * symbol (Astro loads this module twice) on a property that is not enumerable: copies of the
 * value do not carry it, and JSON and Object.keys do not see it.
 */
const ONCE = Symbol.for('briefings.hashedOnce');
export function hashedOnce<T extends object>(value: T): T {
  Object.defineProperty(value, ONCE, { value: true });
  return value;
}

const isRecord = (v: object) => (typeof (v as { id?: unknown }).id === 'string' && typeof (v as { file?: unknown }).file === 'string') || (v as { [ONCE]?: boolean })[ONCE] === true;

export function contentHash(value: unknown): string {
  // A record asked for itself (a page read `sources.get(id)`) is the hash it stands for inside
  // other values: the same string, so hashed once whether reached first alone or inside a list.
  // (Each was hashed twice and more at every build: once per read returning it, once nested.)
  if (value !== null && typeof value === 'object' && isRecord(value)) return recordHash(value);
  return hashOf(value);
}

function hashOf(value: unknown): string {
  // One string, hashed once: a hash update per value made hashing most of the cost.
  const parts: string[] = [];
  feed(parts, value, true);
  // One-shot: no Hash object per value (a page-heavy build hashes a few hundred thousand).
  return hash('sha256', parts.join(''));
}

function recordHash(record: object): string {
  let own = hashed.get(record);
  if (own === undefined) {
    own = hashOf(record);
    hashed.set(record, own);
  }
  return own;
}

function feed(parts: string[], value: unknown, root: boolean): void {
  if (value === null || typeof value !== 'object') {
    parts.push(typeof value === 'function' ? 'fn\u0001' : `${typeof value}:${String(value)}\u0001`);
    return;
  }
  if (!root && isRecord(value)) {
    parts.push(`#${recordHash(value)}`);
    return;
  }
  if (value instanceof Date) {
    parts.push(`date:${value.getTime()}\u0001`);
    return;
  }
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    parts.push(`bytes:${value.byteLength}:${createHash('sha256').update(bytes).digest('hex')}`);
    return;
  }
  if (Array.isArray(value)) {
    parts.push(`[${value.length}`);
    for (const item of value) feed(parts, item, false);
  } else if (value instanceof Map) {
    parts.push(`M${value.size}`);
    for (const [k, v] of value) {
      feed(parts, k, false);
      feed(parts, v, false);
    }
  } else if (value instanceof Set) {
    parts.push(`S${value.size}`);
    for (const item of value) feed(parts, item, false);
  } else {
    parts.push('{');
    for (const k of Object.keys(value)) {
      parts.push(`${k}:`);
      feed(parts, (value as Record<string, unknown>)[k], false);
    }
  }
  parts.push(']');
}
