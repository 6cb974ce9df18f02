/**
 * A file fetched ahead of the code that will ask for it: the search page fetches the lead
 * topic's fragment file itself, from its own data, before Pagefind has found the page
 * (early-lead.ts); when Pagefind then asks for the same file, it gets the same bytes, not a
 * second request (whatever the host's cache headers say).
 */
export interface FetchAhead {
  /** `fetch` as the page's other code sees it: a file fetched ahead is answered from its bytes. */
  fetch: typeof globalThis.fetch;
  /**
   * Fetches a file now (once) and resolves to its bytes; rejects if it cannot be had, or if the
   * page's other code has asked for it already (it is on its way to them: not asked for twice).
   */
  ahead(url: string): Promise<ArrayBuffer>;
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

export function fetchAhead(fetch: typeof globalThis.fetch, base: string): FetchAhead {
  const files = new Map<string, Promise<ArrayBuffer>>();
  const asked = new Set<string>();
  return {
    async fetch(input, init) {
      const href = new URL(urlOf(input), base).href;
      const file = files.get(href);
      if (!file) asked.add(href);
      const plain = !init?.method || init.method === 'GET';
      if (!file || !plain || (typeof input !== 'string' && !(input instanceof URL) && input.method !== 'GET')) return fetch(input, init);
      // A file that could not be had ahead is asked for again, as if it had not been.
      const bytes = await file.catch(() => undefined);
      return bytes ? new Response(bytes.slice(0), { status: 200 }) : fetch(input, init);
    },
    ahead(url) {
      const href = new URL(url, base).href;
      if (asked.has(href)) return Promise.reject(new Error(`${href} is on its way already`));
      let file = files.get(href);
      if (!file) {
        file = fetch(href).then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${href}`);
          return response.arrayBuffer();
        });
        files.set(href, file);
      }
      return file;
    },
  };
}
