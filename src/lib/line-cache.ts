/**
 * A build cache file of named entries, one a line (`<name> <payload>`, after a first line naming
 * the code version that wrote them), for caches read at every build whose entries are mostly
 * used again unchanged: the corpus's parse cache and render cache (corpus/parse-cache.ts,
 * corpus/render-cache.ts).
 *
 * The file is kept as bytes: an entry is decoded only when asked for, and an entry used again
 * is written back as the very bytes it was read from. One JSON document would be parsed whole
 * before the first use and serialised whole again after one file changed (at 1,000 sources the
 * parse cache alone is 19 MB: about 1.5 s of CPU on every build).
 *
 * Another version's file, or none, starts empty. Saving keeps only the entries this build used,
 * writes the file whole under a temporary name and renames it (link-files.ts), and writes
 * nothing when the file already holds exactly those entries.
 */
import { readFileSync } from 'node:fs';
import { writeFileReplacing } from './link-files.ts';

const NEWLINE = 0x0a;
const SPACE = 0x20;

export interface LineCache {
  /** The payload saved under `name` (or set in this build), kept for this build's file. */
  get(name: string): string | undefined;
  /** Saves `payload` under `name`. Neither may hold a line break; `name` holds no space after its first word. */
  set(name: string, payload: string): void;
  /** Writes the entries this build used, unless the file already holds exactly those. */
  save(): void;
}

/**
 * Opens the cache in `file` for the code `version`. Names are `<kind> <key>`: two words of
 * ASCII, the second without spaces (a base64url hash).
 */
export function openLineCache(file: string, version: string): LineCache {
  const header = `cache ${version}`;
  let bytes = Buffer.alloc(0);
  try {
    bytes = readFileSync(file);
  } catch {}
  const first = bytes.indexOf(NEWLINE);
  const valid = first >= 0 && bytes.toString('utf8', 0, first) === header;
  /** Saved entries: name → [start of the payload, end of the line] in `bytes`. */
  const saved = new Map<string, [number, number]>();
  for (let start = first + 1; valid && start < bytes.length; ) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end < 0 ? bytes.length : end;
    const space = bytes.indexOf(SPACE, bytes.indexOf(SPACE, start) + 1);
    if (space > start && space < stop) saved.set(bytes.toString('latin1', start, space), [space + 1, stop]);
    start = stop + 1;
  }
  /** This build's entries: a saved line's bytes, or a new payload. */
  const next = new Map<string, Buffer | string>();
  let changed = false;
  return {
    get(name) {
      const mine = next.get(name);
      if (typeof mine === 'string') return mine;
      const at = saved.get(name);
      if (!at) return undefined;
      const payload = bytes.subarray(at[0], at[1]);
      next.set(name, payload);
      return payload.toString('utf8');
    },
    set(name, payload) {
      next.set(name, payload);
      changed = true;
    },
    save() {
      if (!changed && next.size === saved.size) return;
      const parts: Buffer[] = [Buffer.from(header)];
      for (const [name, payload] of next) parts.push(Buffer.from(`\n${name} `), typeof payload === 'string' ? Buffer.from(payload) : payload);
      writeFileReplacing(file, Buffer.concat(parts));
    },
  };
}
