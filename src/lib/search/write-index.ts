/**
 * Writes the Pagefind search index of a built site: one bundle per language, in
 * `<site>/pagefind/<lang>/`, each built by its own Pagefind process that is closed before the
 * next starts. Pagefind holds a whole index in memory and needs about three times that while it
 * writes; one language at a time halves the peak, and running this after `astro build` has
 * exited (scripts/build.mjs) keeps it from adding to the page build's memory.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { routes } from '../urls.ts';
import { createMentionScanner, topicNames } from './aliases.ts';
import { indexDocument } from './index-document.ts';
import { languageRecords } from './records.ts';

export interface IndexedLanguage {
  lang: Lang;
  pages: number;
  ms: number;
}

export async function writeSearchIndexes(corpus: Corpus, siteDir: string): Promise<IndexedLanguage[]> {
  const names = topicNames(corpus);
  const byId = new Map(names.map((n) => [n.id, n]));
  const scan = createMentionScanner(names);
  const done: IndexedLanguage[] = [];
  for (const lang of LANGS) {
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      let pages = 0;
      for (const record of languageRecords(corpus, lang)) {
        const mentioned = scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`);
        for (const id of record.topics) mentioned.add(id);
        const added = await index.addHTMLFile({ url: record.url, content: indexDocument(record, mentioned, byId, corpus) });
        if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
        pages++;
      }
      const outDir = join(siteDir, routes.searchBundle(lang));
      const written = await index.writeFiles({ outputPath: outDir });
      if (written.errors.length) throw new Error(`Pagefind could not write the ${lang} index: ${written.errors.join('; ')}`);
      // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
      for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
      done.push({ lang, pages, ms: performance.now() - started });
    } finally {
      // Ends the Pagefind process, and with it the memory this language's index held.
      await pagefind.close();
    }
  }
  return done;
}
