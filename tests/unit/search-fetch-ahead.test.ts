import { describe, expect, it } from 'vitest';
import { fetchAhead } from '../../src/scripts/search/fetch-ahead.ts';

/** A host answering each URL with its own path as the body (404 for `missing`), counting requests. */
function host() {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    return url.includes('missing') ? new Response('no', { status: 404 }) : new Response(new URL(url, 'http://x/').pathname);
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}
const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);
const BASE = 'http://x/briefings/en/search/';

describe('a file fetched ahead of Pagefind, then asked for by it', () => {
  it.each([
    // [fetched ahead, then asked for, requests made, body Pagefind gets]
    ['/pagefind/en/fragment/a.pf_fragment', '/pagefind/en/fragment/a.pf_fragment', 1, '/pagefind/en/fragment/a.pf_fragment'],
    ['http://x/pagefind/en/fragment/a.pf_fragment', '/pagefind/en/fragment/a.pf_fragment', 1, '/pagefind/en/fragment/a.pf_fragment'],
    ['../../pagefind/en/fragment/a.pf_fragment', 'http://x/briefings/pagefind/en/fragment/a.pf_fragment', 1, '/briefings/pagefind/en/fragment/a.pf_fragment'],
    ['/pagefind/en/fragment/a.pf_fragment', '/pagefind/en/fragment/b.pf_fragment', 2, '/pagefind/en/fragment/b.pf_fragment'],
    // Not to be had ahead: asked for again, as if it had not been.
    ['/pagefind/en/fragment/missing.pf_fragment', '/pagefind/en/fragment/missing.pf_fragment', 2, 'no'],
  ])('%s, then %s: %i request(s)', async (first, then, requests, body) => {
    const { fetch, asked } = host();
    const f = fetchAhead(fetch, BASE);
    await f.ahead(first).catch(() => undefined);
    const response = await f.fetch(then);
    expect(await response.text()).toBe(body);
    expect(asked).toHaveLength(requests);
  });

  it('fetches a file once however often it is asked for, and each asker gets the whole bytes', async () => {
    const { fetch, asked } = host();
    const f = fetchAhead(fetch, BASE);
    const [a, b] = await Promise.all([f.ahead('/p/f.pf_fragment'), f.ahead('/p/f.pf_fragment')]);
    const [c, d] = await Promise.all([f.fetch('/p/f.pf_fragment'), f.fetch('http://x/p/f.pf_fragment')]);
    expect([text(a), text(b), await c.text(), await d.text()]).toEqual(Array(4).fill('/p/f.pf_fragment'));
    expect(asked).toEqual(['http://x/p/f.pf_fragment']);
  });

  it('does not fetch ahead what was asked for already (it is on its way to the asker)', async () => {
    const { fetch, asked } = host();
    const f = fetchAhead(fetch, BASE);
    await (await f.fetch('/p/f.pf_fragment')).text();
    await expect(f.ahead('http://x/p/f.pf_fragment')).rejects.toThrow('on its way');
    expect(asked).toHaveLength(1);
  });

  it('passes anything but a plain GET through', async () => {
    const { fetch, asked } = host();
    const f = fetchAhead(fetch, BASE);
    await f.ahead('/p/f.pf_fragment');
    await f.fetch('/p/f.pf_fragment', { method: 'HEAD' });
    expect(asked).toHaveLength(2);
  });

  it('rejects what cannot be had', async () => {
    const f = fetchAhead(host().fetch, BASE);
    await expect(f.ahead('/p/missing.pf_fragment')).rejects.toThrow('404');
  });
});
