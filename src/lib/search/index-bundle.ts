/**
 * Indexes one search bundle with Pagefind, in the Pagefind process of the calling thread (the
 * caller closes it), and leaves the bundle as the site serves it: fragments without their page
 * text and with the display data Pagefind is not given (strip-fragments.ts), and without
 * Pagefind's ready-made UIs.
 *
 * Pagefind's Node API runs one Pagefind process per module instance, and that process handles
 * its messages one at a time, on one core, however many indexes it holds (Pagefind 1.6
 * `service/mod.rs`: "TODO: Handle incoming messages concurrently"). Bundles indexed side by side
 * therefore each get a thread of their own (index-worker.ts), whose module instance starts its
 * own Pagefind process.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { BundleEntry } from './documents.ts';
import { splitDocument, stripFragmentText, type DocumentParts, type FragmentHashes, type PageIds, type StrippedBefore } from './strip-fragments.ts';

/**
 * Documents go in one by one in the manifest's order: Pagefind numbers pages in the order it gets
 * them, and a folder's listing order (what `addDirectory` would use) differs between file systems,
 * so the bundle would too. `before`: the bundle as the last build wrote it, whose unchanged
 * fragment files are linked instead of compressed again (stripFragmentText). Returns
 * the hashes of the bundle's fragment files, for the next build, and its pages' ids by URL.
 */
export async function indexBundle(
  bundle: Pick<BundleEntry, 'name' | 'urls' | 'maxFragments'>,
  docs: string,
  outDir: string,
  before?: StrippedBefore,
): Promise<{ hashes: FragmentHashes; ids: PageIds }> {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false, maxFragments: bundle.maxFragments });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const documents = new Map<string, DocumentParts>();
  for (const url of bundle.urls) {
    const { html, parts } = splitDocument(readFileSync(join(docs, url, 'index.html'), 'utf8'));
    const added = await index.addHTMLFile({ url, content: html });
    if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    documents.set(added.file?.url ?? url, parts);
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`Pagefind could not write the ${bundle.name} index: ${written.errors.join('; ')}`);
  // Before the bundle goes into the cache, so a cached bundle is stripped too.
  const { hashes, ids } = await stripFragmentText(outDir, documents, before);
  // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
  for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
  return { hashes, ids };
}

/** Ends this thread's Pagefind process, and with it the memory its indexes held. */
export const closePagefind = (): Promise<null> => pagefind.close();
