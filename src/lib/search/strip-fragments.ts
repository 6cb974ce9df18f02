/**
 * Turns the fragments Pagefind writes for a bundle into the ones the site serves.
 *
 * Pagefind stores, per page, a fragment (`fragment/<hash>.pf_fragment`, or many pages in one
 * `fragment/<lang>_group_<hash>.pf_fragment` with `maxFragments`): gzip of `pagefind_dcd` + JSON
 * with `url`, `content` (the whole indexed text), `word_count`, `filters`, `meta` and `anchors`.
 * Pagefind's JS builds its own excerpt and sub-results from `content`; this site never shows
 * them: the search page builds excerpts from its own data in `meta.d` (index-document.ts) and the
 * match `locations`. So `content` is emptied (kept as "" so Pagefind's `data()` still runs, and
 * its excerpts are then empty), which halves the bytes a first search fetches. Everything else
 * stays, under the same file names (the bundle's metadata names them).
 *
 * The display data `meta.d` does not go through Pagefind at all (splitDocument): it is the page's
 * original text (then written in private-use characters, three bytes a character, to keep its
 * words out of the index), the larger part of every document, and Pagefind yielded no word from
 * it, yet parsed it, scanned it for words, passed it through its message pipe and compressed it
 * at its highest level in every fragment, only for this step to read it back and compress it
 * again. Without it, at 5,000
 * sources, one bundle of 2,013 pages took 6.6–6.7 s instead of 10.3–10.7 s in Pagefind (adding
 * and writing), and this step 2.4–2.5 s instead of 3.0–3.2 s (2026-12-02 13:18 UTC, old and new
 * alternating, load 1.9–2.1). It is put back here, where the fragment's JSON is written again
 * anyway, where Pagefind would have written it (its metadata is a map sorted by key). What
 * changes besides is what Pagefind hashes (the fragments'
 * file names, and so the page ids, which the index step takes from the files) and its list
 * of metadata fields, which no longer names `d` (its index chunks number the fields in that
 * list). The search page's results at 5,000 sources are the same (scripts/bench/search-compare.mjs,
 * every sixth query of the evaluation set, 62 queries: none different).
 *
 * It is put back as plain text: files only the search page reads, which parses it as it is (the
 * private-use form cost three UTF-8 bytes a character where Latin letters take one and Arabic
 * two, which gzip did not win back: the fragment files a first search for Turkey fetches went
 * from 46.0 to 33.4 KB, تركيا 49.1 to 41.9 KB, and the page no longer decoded every page's text
 * on the main thread before its excerpt). Since Pagefind never sees it, the documents hold it
 * plain too (index-document.ts), and this step takes it as it is.
 *
 * Before the text goes, it is checked against the words we gave Pagefind (our documents): a page
 * whose indexed words differ would have excerpts marking the wrong words, since `meta.d` counts
 * section starts in our words and Pagefind reports match positions in its own.
 *
 * Files are replaced by new files (written under a temporary name, then renamed), never written in
 * place: a bundle's files may be hard links shared with the search index cache (link-files.ts).
 * The output is a pure function of the input, so builds stay byte-identical.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { unescapeHtml } from '../html.ts';
import { linkReplacing, writeFileReplacing } from '../link-files.ts';
import { DATA_META } from './index-document.ts';

/** Part of a bundle's cache key (documents.ts): a cached bundle of another form is not reused. */
export const FRAGMENT_FORM = 'content-dropped-data-added-revealed-3';

const SIGNATURE = 'pagefind_dcd';
const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  [field: string]: unknown;
}

/**
 * What a fragment is checked against and completed with: from our document of its page. Two
 * strings a page, not its words as an array: a bundle's parts stay in memory until it is written,
 * and 2,000 pages' words as arrays were millions of small strings that every garbage collection
 * went through again: at 5,000 sources, two jobs, 15 s of each job's 43 s, and 2.0–2.2 GB for the
 * index step's Node process, now 0.8 s and 0.72–0.74 GB (docs/bench/README.md, "Search index memory").
 */
export interface DocumentParts {
  /** The words Pagefind indexes, in its order, separated by one space (documentText). */
  text: string;
  /** The display data's field (`meta.d`), as the search page reads it. */
  data: string;
}

/** The words of the indexed text of one of our documents (index-document.ts), in Pagefind's order, space-separated. */
export function documentText(html: string): string {
  const body = /<main data-pagefind-body>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  // The same as splitting at white space and joining the words with one space.
  return unescapeHtml(body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

const DATA_OPEN = `<div data-pagefind-meta="${DATA_META}">`;
const DATA_CLOSE = '</div>';

/**
 * One of our documents (index-document.ts) split into what Pagefind gets (`html`: the document
 * without its display data's element) and what its fragment is checked against and completed
 * with afterwards (stripFragmentText). The element's text is the data as HTML text (no `<` in it).
 */
export function splitDocument(document: string): { html: string; parts: DocumentParts } {
  const open = document.indexOf(DATA_OPEN);
  const close = open === -1 ? -1 : document.indexOf(DATA_CLOSE, open);
  if (close === -1) throw new Error(`a search document without its display data (${DATA_OPEN})`);
  const html = document.slice(0, open) + document.slice(close + DATA_CLOSE.length);
  return { html, parts: { text: documentText(html), data: unescapeHtml(document.slice(open + DATA_OPEN.length, close)) } };
}

/** Pagefind's metadata is a map sorted by key (Rust's BTreeMap), and so is its JSON. */
function withData(meta: Record<string, string>, data: string): Record<string, string> {
  const entries = Object.entries(meta);
  entries.push([DATA_META, data]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Pagefind's words of a page: it closes each block with a full stop, which our tokens never end with. */
export function indexedWords(content: string): string[] {
  return content.split(/\s+/).filter(Boolean).map((w) => w.replace(/\.$/, ''));
}

/**
 * indexedWords joined with one space, without the array: the same string (no word holds a space,
 * so the join is undone by splitting at spaces, and comparing these compares the words).
 */
export function indexedText(content: string): string {
  return content.replace(/\s+/g, ' ').trim().replace(/\.( |$)/g, '$1');
}

function checkWords(fragment: Fragment, text: string): void {
  if (indexedText(fragment.content) === text) return;
  // Only to say where: the words as arrays.
  const theirs = indexedWords(fragment.content);
  const ours = text === '' ? [] : text.split(' ');
  const at = ours.findIndex((w, i) => theirs[i] !== w);
  const i = at === -1 ? Math.min(ours.length, theirs.length) : at;
  throw new Error(
    `Pagefind's words of ${fragment.url} differ from its search document at word ${i} ("${theirs[i] ?? ''}" for "${ours[i] ?? ''}"): ` +
      'search excerpts would mark the wrong words. Check how the analyser (analyze.ts) splits that text.',
  );
}

/** The fragment files of the bundle in `bundleDir`, in name order. */
function fragmentPaths(bundleDir: string): string[] {
  const dir = join(bundleDir, 'fragment');
  return readdirSync(dir).sort().filter((file) => file.endsWith('.pf_fragment')).map((file) => join(dir, file));
}

/**
 * A fragment file's bytes, uncompressed, with every page's text emptied (checked first) and its
 * display data added; and its pages' ids by URL (a page's id is its file's name, or in a group
 * its key: what readPageIds in search-data.ts reads back from the files).
 */
function stripped(path: string, raw: Buffer, documents: ReadonlyMap<string, DocumentParts>): { data: Buffer; ids: [url: string, id: string][] } {
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${path} is not a Pagefind fragment (no ${SIGNATURE} signature)`);
  const json = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as Fragment | Record<string, Fragment>;
  // A single page's fragment has a `url`; a group maps page hashes to fragments.
  const list: [string, Fragment][] = typeof json.url === 'string' ? [[basename(path, '.pf_fragment'), json as Fragment]] : Object.entries(json as Record<string, Fragment>);
  for (const [, fragment] of list) {
    if (typeof fragment.content !== 'string') throw new Error(`${path}: a fragment without text (${fragment.url}); is this Pagefind's fragment format?`);
    const ours = documents.get(fragment.url);
    if (!ours) throw new Error(`Pagefind indexed ${fragment.url}, which is not one of the bundle's documents`);
    checkWords(fragment, ours.text);
    if (DATA_META in fragment.meta) throw new Error(`${path}: Pagefind was given the display data of ${fragment.url}, which splitDocument keeps from it`);
    fragment.content = '';
    fragment.meta = withData(fragment.meta, ours.data);
  }
  return { data: Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(JSON.stringify(json), 'utf8')]), ids: list.map(([id, f]) => [f.url, id]) };
}

const LEVEL = { level: 9 };

/** Each fragment file's name → the SHA-256 of its bytes uncompressed, as stripFragmentText wrote it. */
export type FragmentHashes = Record<string, string>;

/** Each page's Pagefind id by URL. */
export type PageIds = Record<string, string>;

/** A bundle stripped before (the search index cache's copy): its fragment folder and their hashes. */
export interface StrippedBefore {
  fragmentDir: string;
  hashes: FragmentHashes;
}

/**
 * Empties `content` in every fragment file of the bundle in `bundleDir`, after checking each
 * page's words against `documents` (url → the parts of the document Pagefind was given,
 * splitDocument), and adds each page's display data.
 *
 * The (de)compression runs on libuv's threads, STRIP_AT_ONCE files at a time: the same bytes as
 * one file after another, and most of its time (gzip at level 9 took 3.0 s of the 5.0 s for a bundle of
 * 2,065 pages) on the core Pagefind has just left. Side by side at 1,000 sources (one bundle of
 * 2,065 pages indexed, twice): the index step 30.2 and 27.3 s before, 27.9 and 25.9 s after.
 *
 * With `before` (the bundle as the last build stripped it), a fragment file whose bytes, before
 * compression, are the same as the file of that name there is linked from there instead of being
 * compressed again: an edit changes a page or two of a bundle, and compressing the display data
 * at level 9 was 2.4 s of the 3.3 s this took for a bundle of 2,013 pages at 5,000 sources. The
 * check of every page's words runs all the same. Returns the pages, each file's hash (kept with
 * the bundle, for the next build), how many files were linked, and the page ids (what the search
 * page's data needs, which write-index.ts read back from all the files again: 1.7 s of gunzip
 * and parsing at 5,000 sources).
 */
export async function stripFragmentText(
  bundleDir: string,
  documents: ReadonlyMap<string, DocumentParts>,
  before?: StrippedBefore,
): Promise<{ pages: number; hashes: FragmentHashes; reused: number; ids: PageIds }> {
  const paths = fragmentPaths(bundleDir);
  const hashes: FragmentHashes = {};
  const idsOf: [string, string][][] = [];
  let reused = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const path = paths[i]!;
      const name = basename(path);
      const { data, ids } = stripped(path, await gunzipAsync(readFileSync(path)), documents);
      const hash = createHash('sha256').update(data).digest('hex');
      hashes[name] = hash;
      idsOf[i] = ids;
      if (before?.hashes[name] === hash && existsSync(join(before.fragmentDir, name)) && linkReplacing(join(before.fragmentDir, name), path)) reused++;
      else writeFileReplacing(path, await gzipAsync(data, LEVEL));
    }
  };
  await Promise.all(Array.from({ length: STRIP_AT_ONCE }, worker));
  // In name order, so the files kept with the bundle are the same whichever file finished first.
  const ids = idsOf.flat();
  return { pages: ids.length, hashes: Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1))), reused, ids: Object.fromEntries(ids) };
}

/** libuv's thread pool holds four threads unless told otherwise. */
const STRIP_AT_ONCE = 4;
