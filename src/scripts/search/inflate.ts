/**
 * Pagefind's files (its WebAssembly, metadata, index chunks, fragments) are gzip, and Pagefind
 * inflates each in JavaScript on the main thread (its bundled fflate) unless the bytes it is given
 * already begin with its marker, `pagefind_dcd` (as when a host sends them with
 * `Content-Encoding: gzip`, which is host configuration we cannot ship). Measured in Chromium,
 * that inflate was 52–59 ms for the WebAssembly alone and a large part of each fragment file's
 * 33–109 ms, unthrottled: four times that on Lighthouse's phone, in the tasks the first result
 * waits for. The browser's own DecompressionStream does the same inflate in native code; so the
 * page hands Pagefind its files inflated, and Pagefind skips its own.
 */

/** The files of a Pagefind bundle that Pagefind inflates itself. */
const PAGEFIND_FILE = /\.(?:pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * `fetch` as Pagefind should see it: a successful response for one of its gzip files comes back
 * inflated by the browser (the same bytes Pagefind's own inflate makes, marker first); anything
 * else, including a file the host already sent inflated, is the response as it came.
 * Without DecompressionStream (browsers before 2023), `fetch` itself.
 */
export function inflatingFetch(fetch: typeof globalThis.fetch, base: string): typeof globalThis.fetch {
  if (typeof DecompressionStream !== 'function') return fetch;
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(urlOf(input), base);
    if (!response.ok || !PAGEFIND_FILE.test(url.pathname)) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = isGzip(bytes) ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')) : bytes;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
