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

/** Reads a file as UTF-8; returns an error message when its bytes are not valid UTF-8. */
export function readUtf8(path: string): { text: string } | { error: string } {
  try {
    return { text: strictUtf8.decode(readFileSync(path)).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  } catch (e) {
    if (e instanceof TypeError) return { error: 'is not valid UTF-8 text' };
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

export function rel(root: string, path: string): string {
  return relative(root, path) || path;
}

export { join };
