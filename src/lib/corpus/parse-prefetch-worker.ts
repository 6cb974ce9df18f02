/**
 * The thread of parse-prefetch.ts: reads every briefing under `root` in the loader's order
 * (load-briefings.ts: each language, its files sorted) and sends the parse cache's two entries
 * of each (parse-cache.ts: its frontmatter's YAML snapshot, its content revision), named as the
 * cache names them, in batches on the port it is given.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { contentRevision } from '../editorial/alignment.ts';
import { splitFrontmatter, yamlSnapshot } from '../yaml-source.ts';
import { listFiles, readUtf8 } from './files.ts';
import { revisionEntryName, yamlEntryName } from './parse-cache.ts';
import type { PrefetchInput } from './parse-prefetch.ts';

const { root, langs, port } = workerData as PrefetchInput;
const BATCH = 20;
let batch: [string, string][] = [];
for (const lang of langs) {
  const dir = join(root, 'content', 'briefings', lang);
  for (const name of listFiles(dir, '.md')) {
    const read = readUtf8(join(dir, name));
    if ('error' in read) continue;
    // As load-briefings.ts loadOne asks for them: the frontmatter's snapshot, then the revision.
    const split = splitFrontmatter(read.text);
    if (split) {
      const snapshot = yamlSnapshot(split.frontmatter, split.frontmatterLine);
      if (snapshot) batch.push([yamlEntryName(split.frontmatter, split.frontmatterLine), JSON.stringify(snapshot)]);
    }
    batch.push([revisionEntryName(read.text), contentRevision(read.text)]);
    if (batch.length >= BATCH) {
      port.postMessage(batch);
      batch = [];
    }
  }
}
if (batch.length) port.postMessage(batch);
port.close();
