/**
 * Drops the page text Pagefind keeps in each fragment of a bundle it has just written, and
 * restores our display data in it to plain text.
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
 * `meta.d` goes to Pagefind written in private-use characters (hidden.ts), so that its words stay
 * out of the index; once the index is written, nothing reads the fragments but the search page,
 * so `meta.d` is revealed here and the page parses it as it is. Each character of the hidden form
 * is three UTF-8 bytes (Latin letters one, Arabic two), which gzip did not win back: measured on
 * this site, the fragment files a first search for Turkey fetches went from 46.0 to 33.4 KB
 * (تركيا: 49.1 to 41.9 KB), and the page no longer reveals every page's text (a source's is tens
 * of thousands of characters) on the main thread before its excerpt.
 *
 * Before the text goes, it is checked against the words we gave Pagefind (our documents): a page
 * whose indexed words differ would have excerpts marking the wrong words, since `meta.d` counts
 * section starts in our words and Pagefind reports match positions in its own.
 *
 * Files are replaced by new files (written under a temporary name, then renamed), never written in
 * place: a bundle's files may be hard links shared with the search index cache (link-files.ts).
 * The output is a pure function of the input, so builds stay byte-identical.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';
import { unescapeHtml } from '../html.ts';
import { writeFileReplacing } from '../link-files.ts';
import { reveal } from './hidden.ts';

/** Part of a bundle's cache key (documents.ts): a cached bundle of another form is not reused. */
export const FRAGMENT_FORM = 'content-dropped-data-revealed-2';

const SIGNATURE = 'pagefind_dcd';
const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

interface Fragment {
  url: string;
  content: string;
  meta?: Record<string, string>;
  [field: string]: unknown;
}

/** The words of the indexed text of one of our documents (index-document.ts), in Pagefind's order. */
export function documentWords(html: string): string[] {
  const body = /<main data-pagefind-body>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const text = unescapeHtml(body.replace(/<[^>]*>/g, ' '));
  return text.split(/\s+/).filter(Boolean);
}

/** Pagefind's words of a page: it closes each block with a full stop, which our tokens never end with. */
export function indexedWords(content: string): string[] {
  return content.split(/\s+/).filter(Boolean).map((w) => w.replace(/\.$/, ''));
}

function checkWords(fragment: Fragment, expected: ReadonlyMap<string, readonly string[]>): void {
  const ours = expected.get(fragment.url);
  if (!ours) throw new Error(`Pagefind indexed ${fragment.url}, which is not one of the bundle's documents`);
  const theirs = indexedWords(fragment.content);
  const at = ours.findIndex((w, i) => theirs[i] !== w);
  if (at !== -1 || theirs.length !== ours.length) {
    const i = at === -1 ? Math.min(ours.length, theirs.length) : at;
    throw new Error(
      `Pagefind's words of ${fragment.url} differ from its search document at word ${i} ("${theirs[i] ?? ''}" for "${ours[i] ?? ''}"): ` +
        'search excerpts would mark the wrong words. Check how the analyser (analyze.ts) splits that text.',
    );
  }
}

/** The fragment files of the bundle in `bundleDir`, in name order. */
function fragmentPaths(bundleDir: string): string[] {
  const dir = join(bundleDir, 'fragment');
  return readdirSync(dir).sort().filter((file) => file.endsWith('.pf_fragment')).map((file) => join(dir, file));
}

/** A fragment file's bytes, uncompressed, with every page's text emptied (checked first against `expected`) and its display data revealed; and its pages. */
function stripped(path: string, raw: Buffer, expected?: ReadonlyMap<string, readonly string[]>): { data: Buffer; pages: number } {
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${path} is not a Pagefind fragment (no ${SIGNATURE} signature)`);
  const json = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as Fragment | Record<string, Fragment>;
  // A single page's fragment has a `url`; a group maps page hashes to fragments.
  const list = typeof json.url === 'string' ? [json as Fragment] : Object.values(json as Record<string, Fragment>);
  for (const fragment of list) {
    if (typeof fragment.content !== 'string') throw new Error(`${path}: a fragment without text (${fragment.url}); is this Pagefind's fragment format?`);
    if (expected) checkWords(fragment, expected);
    fragment.content = '';
    if (typeof fragment.meta?.d === 'string') fragment.meta.d = reveal(fragment.meta.d);
  }
  return { data: Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(JSON.stringify(json), 'utf8')]), pages: list.length };
}

const LEVEL = { level: 9 };

/**
 * Empties `content` and reveals `meta.d` in every fragment file of the bundle in `bundleDir`. With `expected` (url →
 * the words of the document Pagefind was given, documentWords), checks each page's words first.
 * Returns the number of pages stripped.
 */
export function stripFragmentText(bundleDir: string, expected?: ReadonlyMap<string, readonly string[]>): number {
  let pages = 0;
  for (const path of fragmentPaths(bundleDir)) {
    const { data, pages: n } = stripped(path, gunzipSync(readFileSync(path)), expected);
    writeFileReplacing(path, gzipSync(data, LEVEL));
    pages += n;
  }
  return pages;
}

/**
 * stripFragmentText with the (de)compression on libuv's threads, STRIP_AT_ONCE files at a time:
 * the same bytes, and most of its time (gzip at level 9 took 3.0 s of the 5.0 s for a bundle of
 * 2,065 pages) on the core Pagefind has just left. Side by side at 1,000 sources (one bundle of
 * 2,065 pages indexed, twice): the index step 30.2 and 27.3 s before, 27.9 and 25.9 s after.
 */
export async function stripFragmentTextInParallel(bundleDir: string, expected?: ReadonlyMap<string, readonly string[]>): Promise<number> {
  const paths = fragmentPaths(bundleDir);
  let pages = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const path = paths[i]!;
      const { data, pages: n } = stripped(path, await gunzipAsync(readFileSync(path)), expected);
      writeFileReplacing(path, await gzipAsync(data, LEVEL));
      pages += n;
    }
  };
  await Promise.all(Array.from({ length: STRIP_AT_ONCE }, worker));
  return pages;
}

/** libuv's thread pool holds four threads unless told otherwise. */
const STRIP_AT_ONCE = 4;
