/**
 * File access for the content loaders: the project root, listing content folders, reading
 * text strictly as UTF-8 (a seed in another encoding must fail loudly, not turn into mojibake).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Project root: `BRIEFING_ROOT` when set (tests, benchmarks), else the working directory. */
export function projectRoot(): string {
  return process.env.BRIEFING_ROOT ?? process.cwd();
}

export function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text, or why it has none (`missing`: there is no such file). */
type Read = { text: string } | { error: string; missing?: true };

/** The files read while a corpus loads (readOnce), by path. */
let reads: Map<string, Read> | undefined;

/**
 * Runs `load` with each file read once, however many loaders and checks read it: the content
 * checks read every briefing and content file the loaders had just read (at 1,000 bench sources
 * about 4,000 files read twice on every build). Only for the duration of `load`: a later load
 * reads the files as they are then.
 */
export function readOnce<T>(load: () => T): T {
  const outer = reads;
  reads ??= new Map();
  try {
    return load();
  } finally {
    reads = outer;
  }
}

/** Reads a file as UTF-8; returns an error message when its bytes are not valid UTF-8. */
export function readUtf8(path: string): Read {
  const known = reads?.get(path);
  if (known) return known;
  const read = readFile(path);
  reads?.set(path, read);
  return read;
}

function readFile(path: string): Read {
  try {
    return { text: strictUtf8.decode(readFileSync(path)).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  } catch (e) {
    if (e instanceof TypeError) return { error: 'is not valid UTF-8 text' };
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot be read (${code ?? String(e)})`, ...(code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true as const } : {}) };
  }
}

export function rel(root: string, path: string): string {
  return relative(root, path) || path;
}

export { join };
