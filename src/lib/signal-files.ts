/**
 * The small JSON files through which scripts/build.mjs and the page build (`astro build`, its
 * child) tell each other where they are while both run, in the search documents' folder
 * (SEARCH_DOCS): PAGES_RENDERING (search/index-memory.ts), PAGES_BESIDE_INDEX and RENDER_COUNT
 * (corpus/render-count.ts).
 *
 * Two processes, and neither waits for the other's write: so every such file is written whole
 * under a temporary name and renamed (writeSignal, link-files.ts), and a reader sees the last
 * whole file or none. A reader still takes whatever text it finds, and anything it does not
 * expect (empty, torn, not JSON, the fields of another version of the other side, wrong types)
 * as the file saying nothing, never as an error: a throw there would end the page build or leave
 * the build script's children running, for a file that is only advice. Each file's reader keeps
 * its own default for "nothing" (readSignal returns undefined).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileReplacing } from './link-files.ts';

/** Whether a parsed JSON value is one a field may hold (and of its type). */
export type FieldCheck<V> = (value: unknown) => value is V;

/** The fields a signal file must hold, each with its check. */
export type SignalShape<T> = { readonly [K in keyof T]-?: FieldCheck<T[K]> };

export const isWholeNumber: FieldCheck<number> = (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export const isBoolean: FieldCheck<boolean> = (value): value is boolean => typeof value === 'boolean';

/**
 * The fields of `shape` read from a signal file's `text` (undefined: no file): undefined unless
 * it is a JSON object whose every field of `shape` passes its check. Fields not in `shape` are
 * dropped, so a reader returns only what it checked.
 */
export function readSignal<T>(text: string | undefined, shape: SignalShape<T>): T | undefined {
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const read: Partial<T> = {};
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const value = Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
    if (!shape[key](value)) return undefined;
    read[key] = value;
  }
  return read as T;
}

/** A signal file's text; undefined while there is none. */
export function signalText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Writes a signal file whole (see above): its reader sees this `value` or the file before it. */
export function writeSignal(path: string, value: object): void {
  writeFileReplacing(path, JSON.stringify(value));
}
