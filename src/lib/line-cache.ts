/**
 * A build cache of named entries read at every build and mostly used again unchanged: the
 * corpus's parse cache and render cache (corpus/parse-cache.ts, corpus/render-cache.ts).
 *
 * Two files: `<file>` holds the entries' payloads one after another, and `<file>.index` the code
 * version that wrote them and, for each entry, its name, where its payload starts, its length and
 * its CRC-32. The checksum is checked on every read: two builds sharing a cache folder that save at
 * the same time append at the same place, and a payload another build wrote over reads as absent
 * (rendered or parsed again), never as another entry's.
 * A build reads the index, and each payload only when asked for (read ahead in 1 MB reads), and saves
 * by appending the new payloads and writing the index again. One JSON document (or one file read
 * and written whole) made every build parse and serialise, or read and write, every entry: at
 * 1,000 bench sources 19 MB for the parse cache and 87 MB for the render cache, on a machine
 * where a fresh buffer of that size alone costs half a second (its pages faulted in one by one).
 *
 * Entries this build did not use are left out of the index; their bytes stay in `<file>` until
 * more of it is unused than used, and then the used entries are copied into a new file. The
 * index is written whole under a temporary name and renamed (link-files.ts), after the payloads
 * it names: a build stopped midway leaves the last index, which names only complete payloads.
 * Another version's index, or none, or one naming bytes `<file>` does not have, starts empty.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { writeFileReplacing } from './link-files.ts';

export interface LineCache {
  /** How many entries earlier builds saved (0: an empty cache, a cold build). */
  readonly saved: number;
  /** The payload saved under `name` (or set in this build), kept for this build's file. */
  get(name: string): string | undefined;
  /** Saves `payload` under `name`. `name` holds no space or line break. */
  set(name: string, payload: string): void;
  /** Writes the payloads set in this build and the index of the entries used; closes the file. */
  save(): void;
}

/**
 * Bytes read at once from `<file>`: a build asks for the entries mostly in the order they are
 * stored (the order the last build used them), so one read serves the next few hundred entries
 * instead of one read each (108,000 reads at 5,000 sources, 1 s on a machine with slow system
 * calls). What was read is checked entry by entry, as before (the CRC).
 */
const READ_AHEAD = 1 << 20;

/** Where an entry's payload is in `<file>`, and its CRC-32. */
type At = [start: number, length: number, crc: number];

/** The saved entries, when the index was written by `version` and names only bytes `<file>` has. */
function readIndex(file: string, version: string): { entries: Map<string, At>; size: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`${file}.index`, 'utf8');
  } catch {
    return undefined;
  }
  const rows = text.split('\n');
  const [kind, saved, sizeText] = (rows[0] ?? '').split(' ');
  const size = Number(sizeText);
  if (kind !== 'cache' || saved !== version || !Number.isSafeInteger(size)) return undefined;
  const entries = new Map<string, At>();
  for (let i = 1; i < rows.length; i++) {
    const [name, start, length, crc] = rows[i]!.split(' ').map((v, j) => (j === 0 ? v : Number(v))) as [string, number, number, number];
    if (name && [start, length, crc].every(Number.isSafeInteger)) entries.set(name, [start, length, crc]);
  }
  return { entries, size };
}

/** Opens the cache in `file` for the code `version`. */
export function openLineCache(file: string, version: string): LineCache {
  const index = readIndex(file, version);
  let fd: number | undefined;
  try {
    // The index's size is where the payloads it names end: a shorter file lost some of them.
    if (index && existsSync(file)) {
      fd = openSync(file, 'r');
      if (fstatSync(fd).size < index.size) {
        closeSync(fd);
        fd = undefined;
      }
    }
  } catch {
    fd = undefined;
  }
  const saved = fd === undefined ? new Map<string, At>() : index!.entries;
  const savedSize = fd === undefined ? 0 : index!.size;
  /** This build's entries: where a saved payload is, or a new payload. */
  const next = new Map<string, At | string>();
  let scratch = Buffer.alloc(64 * 1024);
  // The bytes of `<file>` from `windowStart` to `windowEnd`, read ahead (READ_AHEAD).
  const window = Buffer.allocUnsafe(READ_AHEAD);
  let windowStart = 0;
  let windowEnd = 0;
  const read = ([start, length, crc]: At): string | undefined => {
    try {
      let bytes: Buffer;
      if (start >= windowStart && start + length <= windowEnd) bytes = window.subarray(start - windowStart, start - windowStart + length);
      else if (length <= READ_AHEAD / 4) {
        windowStart = start;
        windowEnd = start + readSync(fd!, window, 0, READ_AHEAD, start);
        if (start + length > windowEnd) return undefined;
        bytes = window.subarray(0, length);
      } else {
        if (scratch.length < length) scratch = Buffer.alloc(Math.max(length, scratch.length * 2));
        if (readSync(fd!, scratch, 0, length, start) !== length) return undefined;
        bytes = scratch.subarray(0, length);
      }
      return crc32(bytes) === crc ? bytes.toString('utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    saved: saved.size,
    get(name) {
      const mine = next.get(name);
      if (typeof mine === 'string') return mine;
      const at = mine ?? saved.get(name);
      if (!at || fd === undefined) return undefined;
      const payload = read(at);
      if (payload !== undefined) next.set(name, at);
      return payload;
    },
    set(name, payload) {
      next.set(name, payload);
    },
    save() {
      const added = [...next.values()].some((v) => typeof v === 'string');
      if (!added && next.size === saved.size) {
        if (fd !== undefined) closeSync(fd);
        return;
      }
      let used = 0;
      for (const v of next.values()) if (typeof v !== 'string') used += v[1];
      // Appended to the file while what it holds is mostly in use, else copied into a new one.
      const append = fd !== undefined && used * 2 >= savedSize;
      const target = append ? file : `${file}.tmp`;
      if (!append) rmSync(target, { force: true });
      const out = openSync(target, append ? 'r+' : 'w');
      let end = append ? savedSize : 0;
      const rows: string[] = [];
      try {
        for (const [name, value] of next) {
          let at: At;
          if (typeof value === 'string') {
            const bytes = Buffer.from(value);
            writeSync(out, bytes, 0, bytes.length, end);
            at = [end, bytes.length, crc32(bytes)];
          } else if (append) at = value;
          else {
            const payload = read(value);
            if (payload === undefined) continue;
            const bytes = Buffer.from(payload);
            writeSync(out, bytes, 0, bytes.length, end);
            at = [end, bytes.length, value[2]];
          }
          end = Math.max(end, at[0] + at[1]);
          rows.push(`${name} ${at[0]} ${at[1]} ${at[2]}`);
        }
      } finally {
        closeSync(out);
        if (fd !== undefined) closeSync(fd);
      }
      if (!append) renameSync(target, file);
      writeFileReplacing(`${file}.index`, [`cache ${version} ${end}`, ...rows].join('\n'));
    },
  };
}
