// A process and all its descendants, read from Linux /proc (works without CONFIG_PROC_CHILDREN).
// The build uses it to decide whether the search index fits beside the page build; the bench uses
// it to measure CPU and memory per build step.
import { readFileSync, readdirSync } from 'node:fs';

/** The pid and every descendant, parents before children. Throws where there is no /proc. */
export function descendants(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {}
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}
