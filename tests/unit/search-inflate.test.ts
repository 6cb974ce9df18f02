import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { inflatingFetch } from '../../src/scripts/search/inflate.ts';

/** What Pagefind writes: its marker, then the file, all gzip. */
const MARKER = 'pagefind_dcd';
const payload = Buffer.concat([Buffer.from(MARKER), Buffer.from('{"some":"index data"}'.repeat(50))]);
const gzip = gzipSync(payload);

/** A fetch that answers every URL with these bytes and this status, and records what it was asked. */
function host(body: Buffer, status = 200) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return new Response(new Uint8Array(body), { status, headers: { 'x-from': 'host' } });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}
const bytesOf = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('Pagefind files inflated by the browser', () => {
  it.each([
    'pagefind/en/wasm.en.pagefind',
    'pagefind/en/pagefind.en_3cc5ed4511.pf_meta',
    'pagefind/en/index/en_4a15e7d.pf_index',
    'pagefind/ar/fragment/ar_group_13ae24b.pf_fragment',
    'pagefind/ar/filter/ar_227f5ae.pf_filter',
  ])('%s reaches Pagefind inflated, marker first (it then skips its own inflate)', async (path) => {
    const { fetch, asked } = host(gzip);
    const response = await inflatingFetch(fetch, 'http://x/briefings/')(`/briefings/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-from')).toBe('host');
    expect((await bytesOf(response)).equals(payload)).toBe(true);
    expect(asked).toEqual([`/briefings/${path}`]);
  });

  it('a file the host already sent inflated (Content-Encoding: gzip) is passed on as it came', async () => {
    const { fetch } = host(payload);
    const response = await inflatingFetch(fetch, 'http://x/')('/pagefind/en/index/en_4a15e7d.pf_index');
    expect((await bytesOf(response)).equals(payload)).toBe(true);
  });

  it.each([
    ['/pagefind/en/pagefind-entry.json?ts=1', 200],
    ['/pagefind/en/search-data.json', 200],
    ['/pagefind/en/pagefind.js', 200],
    ['/pagefind/en/index/en_gone.pf_index', 404],
  ])('%s (status %i) is the response itself, untouched', async (url, status) => {
    const { fetch } = host(gzip, status);
    const wrapped = inflatingFetch(fetch, 'http://x/');
    const response = await wrapped(url);
    expect(response.status).toBe(status);
    expect((await bytesOf(response)).equals(gzip)).toBe(true);
  });

  it('takes Request and URL objects as fetch does', async () => {
    const { fetch } = host(gzip);
    const wrapped = inflatingFetch(fetch, 'http://x/');
    expect((await bytesOf(await wrapped(new URL('http://x/pagefind/en/wasm.en.pagefind')))).equals(payload)).toBe(true);
    expect((await bytesOf(await wrapped(new Request('http://x/pagefind/en/wasm.en.pagefind')))).equals(payload)).toBe(true);
  });
});
