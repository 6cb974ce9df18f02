/**
 * A file's identity on disk (device, inode, size, modification time in ns), for caches of what
 * was read from built files. The build never writes a built file in place: a page rendered
 * again is a new file (src/lib/corpus/linked-pages.ts), and an unchanged page is a hard link to
 * the build cache's copy, the same file from build to build. So an unchanged identity means
 * unchanged bytes, and a changed file has a new identity.
 */
import { statSync } from 'node:fs';

export function fileIdentity(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}
