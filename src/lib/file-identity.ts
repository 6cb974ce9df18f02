/**
 * A file's identity on disk (device, inode, size, modification time in ns), for caches of what
 * was read from built files. The build never writes a built file in place: a page rendered
 * again is a new file (src/lib/corpus/linked-pages.ts), and an unchanged page is a hard link to
 * the build cache's copy, the same file from build to build. So an unchanged identity means
 * unchanged bytes, and a changed file has a new identity.
 */
import { statSync, type BigIntStats } from 'node:fs';

export function fileIdentity(file: string): string {
  return identityOf(statSync(file, { bigint: true }));
}

/** The identity of a file already stat'ed (with `bigint: true`), for callers that also need its size. */
export function identityOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}
