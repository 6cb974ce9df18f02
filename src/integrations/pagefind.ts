/**
 * Astro integration: builds the Pagefind search index as part of `astro build`, through
 * Pagefind's Node API (no separate step). One index per language (Pagefind splits by the
 * records' `lang`), fed with search records built from the corpus: normalised Arabic text,
 * topic names in both languages, filters for type, topic and outlet. See src/lib/search/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { getCorpus } from '../lib/corpus/index.ts';
import { createMentionScanner, topicNames } from '../lib/search/aliases.ts';
import { indexDocument } from '../lib/search/index-document.ts';
import { searchRecords } from '../lib/search/records.ts';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'briefings:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const corpus = getCorpus();
        const names = topicNames(corpus);
        const byId = new Map(names.map((n) => [n.id, n]));
        const scan = createMentionScanner(names);
        const { index, errors } = await pagefind.createIndex({ writePlayground: false });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const records = searchRecords(corpus);
          for (const record of records) {
            const mentioned = scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`);
            for (const id of record.topics) mentioned.add(id);
            const added = await index.addHTMLFile({ url: record.url, content: indexDocument(record, mentioned, byId, corpus) });
            if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
          }
          const outDir = join(fileURLToPath(dir), 'pagefind');
          const written = await index.writeFiles({ outputPath: outDir });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
          for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
          logger.info(`indexed ${records.length} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
