/**
 * The page text Pagefind keeps in its fragments is dropped after indexing, and the display data,
 * which Pagefind is not given, added (strip-fragments.ts), so the check that excerpt positions
 * line up with the index runs here on Pagefind's own output before the text goes: the real
 * corpus's search documents (what the build indexes), indexed by Pagefind as the build does.
 * Then: the build's check of Pagefind's words against our documents passes on them and fails on
 * a changed word, and stripping keeps every other field, adds the display data where Pagefind
 * would have put it, writes new files (cached bundles share files as hard links) and gives the
 * fragments of the built site.
 */
import { cpSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../src/lib/corpus/index.ts';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { dataInputFile, writeSearchDocuments, type BundleEntry } from '../../src/lib/search/documents.ts';
import type { PageData } from '../../src/lib/search/index-document.ts';
import { pageFragmentFiles, readPageIds, type SearchDataInput } from '../../src/lib/search/search-data.ts';
import { indexedWords, splitDocument, stripFragmentText, type DocumentParts } from '../../src/lib/search/strip-fragments.ts';
import { setConfiguredBase } from '../../src/lib/urls.ts';

interface Fragment {
  url: string;
  content: string;
  word_count: number;
  meta: Record<string, string>;
  [field: string]: unknown;
}

const work = mkdtempSync(join(tmpdir(), 'briefings-fragments-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const docs = join(work, 'docs');
let bundles: BundleEntry[] = [];

/** Each fragment file's pages, by file name. */
function fragmentFiles(bundle: string): Map<string, Fragment[]> {
  const out = new Map<string, Fragment[]>();
  for (const file of readdirSync(join(bundle, 'fragment')).sort()) {
    const json = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', file))).subarray(12).toString('utf8')) as Fragment | Record<string, Fragment>;
    out.set(file, typeof json.url === 'string' ? [json as Fragment] : Object.values(json as Record<string, Fragment>));
  }
  return out;
}
const pagesOf = (bundle: string) => [...fragmentFiles(bundle).values()].flat();
const documentOf = (bundle: BundleEntry, url: string) => splitDocument(readFileSync(join(docs, bundle.name, url, 'index.html'), 'utf8'));
const partsOf = (bundle: BundleEntry) => new Map<string, DocumentParts>(bundle.urls.map((url) => [url, documentOf(bundle, url).parts]));

beforeAll(async () => {
  setConfiguredBase('/');
  ({ bundles } = writeSearchDocuments(getCorpus(), docs, 1_000_000));
  try {
    // As write-index.ts does, without dropping the text.
    for (const bundle of bundles) {
      const { index } = await pagefind.createIndex({ writePlayground: false, maxFragments: bundle.maxFragments });
      for (const url of bundle.urls) await index!.addHTMLFile({ url, content: documentOf(bundle, url).html });
      await index!.writeFiles({ outputPath: join(work, 'raw', bundle.name) });
    }
  } finally {
    await pagefind.close();
  }
}, 120_000);

describe('Pagefind fragments, before and after their text is dropped', () => {
  it('each section of the display data sits on its own words of the index', () => {
    expect(bundles.map((b) => b.lang).sort()).toEqual(['ar', 'en']);
    for (const bundle of bundles) {
      const input = JSON.parse(readFileSync(join(docs, dataInputFile(bundle.lang)), 'utf8')) as SearchDataInput;
      const analyzer = createAnalyzer(input.names);
      const pages = pagesOf(join(work, 'raw', bundle.name));
      const parts = partsOf(bundle);
      expect(pages.length).toBe(bundle.pages);
      for (const f of pages) {
        expect(f.meta, f.url).not.toHaveProperty('d');
        const page = JSON.parse(parts.get(f.url)!.data) as PageData;
        const indexed = indexedWords(f.content);
        expect(indexed.slice(0, analyzer.tokens(page.t).length), f.url).toEqual(analyzer.tokens(page.t));
        for (const [anchor, , text, start] of page.s) {
          const tokens = analyzer.tokens(text);
          expect(indexed.slice(start, start + tokens.length), `${f.url}#${anchor}`).toEqual(tokens);
        }
      }
    }
  });

  it("Pagefind's words of every page are its document's words, which the build checks before dropping them", () => {
    for (const bundle of bundles) {
      const parts = partsOf(bundle);
      for (const f of pagesOf(join(work, 'raw', bundle.name))) expect(indexedWords(f.content), f.url).toEqual(parts.get(f.url)!.text.split(' '));
    }
  });

  it('stripping refuses a page whose words differ from its document, naming it', async () => {
    const bundle = bundles[0]!;
    const parts = partsOf(bundle);
    const url = bundle.urls[3]!;
    const { text, data } = parts.get(url)!;
    parts.set(url, { text: `changed${text.slice(text.indexOf(' '))}`, data });
    const dir = join(work, 'refused');
    cpSync(join(work, 'raw', bundle.name), dir, { recursive: true });
    await expect(stripFragmentText(dir, parts)).rejects.toThrow(new RegExp(`${url}.*word 0`));
  });

  it('keeps every field but the text, adds the display data, where Pagefind would have put it (its metadata sorted by key), under the same file names, as new files, the same bytes every time', async () => {
    for (const bundle of bundles) {
      const [a, b] = [join(work, 'a', bundle.name), join(work, 'b', bundle.name)];
      cpSync(join(work, 'raw', bundle.name), a, { recursive: true });
      cpSync(join(work, 'raw', bundle.name), b, { recursive: true });
      const file = readdirSync(join(a, 'fragment'))[0]!;
      const before = readFileSync(join(a, 'fragment', file));
      const link = join(work, `${bundle.name}.link`);
      linkSync(join(a, 'fragment', file), link);
      const parts = partsOf(bundle);
      expect((await stripFragmentText(a, parts)).pages).toBe(bundle.pages);
      const { ids } = await stripFragmentText(b, parts);
      // The page ids it gives are those the files hold.
      expect(new Map(Object.entries(ids))).toEqual(readPageIds(b));
      // A file shared as a hard link (the search index cache) is left as it was.
      expect(readFileSync(link).equals(before)).toBe(true);
      const [raw, stripped] = [fragmentFiles(join(work, 'raw', bundle.name)), fragmentFiles(a)];
      expect([...stripped.keys()]).toEqual([...raw.keys()]);
      for (const [name, pages] of raw) {
        expect(stripped.get(name), name).toEqual(pages.map((f) => ({ ...f, content: '', meta: { ...f.meta, d: parts.get(f.url)!.data } })));
        for (const f of stripped.get(name)!) expect(Object.keys(f.meta), f.url).toEqual(Object.keys(f.meta).sort());
        expect(readFileSync(join(a, 'fragment', name)).equals(readFileSync(join(b, 'fragment', name))), name).toBe(true);
      }
    }
  });

  it('finds the fragment file of a page (the search page fetches a lead topic’s ahead of Pagefind): in a group, a file of its own, another bundle', async () => {
    const raw = join(work, 'raw');
    const holds = (file: string, id: string) => JSON.parse(gunzipSync(readFileSync(file)).subarray(12).toString('utf8'))[id] !== undefined || file.endsWith(`/${id}.pf_fragment`);
    for (const bundle of bundles) {
      const ids = [...readPageIds(join(raw, bundle.name)).values()];
      const grouped = pageFragmentFiles(raw, [bundle.name], ids);
      expect(grouped.size).toBe(ids.length);
      for (const id of ids) expect(holds(join(raw, bundle.name, grouped.get(id)!), id), id).toBe(true);
      // In the language's second bundle: a path from the first.
      const other = bundles.find((b) => b !== bundle)!;
      const second = pageFragmentFiles(raw, [other.name, bundle.name], ids);
      for (const id of ids) expect(second.get(id)!.startsWith(`../${bundle.name}/fragment/`), id).toBe(true);
      // A page in a file of its own, where the page would look first, is not listed.
      const { index } = await pagefind.createIndex({ writePlayground: false, maxFragments: 1_000_000 });
      for (const url of bundle.urls) await index!.addHTMLFile({ url, content: documentOf(bundle, url).html });
      await index!.writeFiles({ outputPath: join(work, 'single', bundle.name) });
      const single = [...readPageIds(join(work, 'single', bundle.name)).values()];
      expect(readdirSync(join(work, 'single', bundle.name, 'fragment'))).toHaveLength(single.length);
      expect(pageFragmentFiles(join(work, 'single'), [bundle.name], single).size).toBe(0);
    }
  });

  it('gives the fragments of the built site, byte for byte', async () => {
    for (const bundle of bundles) {
      const dir = join(work, 'built', bundle.name);
      cpSync(join(work, 'raw', bundle.name), dir, { recursive: true });
      await stripFragmentText(dir, partsOf(bundle));
      const site = join('dist', 'pagefind', bundle.name, 'fragment');
      expect(readdirSync(site).sort()).toEqual(readdirSync(join(dir, 'fragment')).sort());
      for (const name of readdirSync(site)) expect(readFileSync(join(site, name)).equals(readFileSync(join(dir, 'fragment', name))), name).toBe(true);
    }
  });
});
