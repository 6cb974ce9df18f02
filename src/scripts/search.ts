/**
 * Search page client: reads ?q=, queries the Pagefind index of the page's language and renders
 * results. Loaded only by the search page; reading pages ship no search code.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const statusEl = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLUListElement>('#search-results');
const lang = document.documentElement.lang;
const messages = lang === 'ar'
  ? { none: 'لا نتائج.', count: (n: number) => `${n} نتيجة`, loading: 'جارٍ البحث…' }
  : { none: 'No results.', count: (n: number) => `${n} result${n === 1 ? '' : 's'}`, loading: 'Searching…' };

let pagefind: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  const bundle = form?.dataset.pagefindBundle ?? '/pagefind/';
  pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: Pagefind) => {
    await pf.options({ baseUrl: form?.dataset.base ?? '/', bundlePath: bundle });
    return pf;
  });
  return pagefind;
}

async function run(query: string): Promise<void> {
  if (!list || !statusEl || !input) return;
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!query.trim()) {
    list.replaceChildren();
    statusEl.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    return;
  }
  statusEl.textContent = messages.loading;
  const pf = await load();
  const search = await pf.debouncedSearch(query, {}, 150);
  if (!search) return;
  const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(
    ...data.map((d, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = `result-${i}`;
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      const p = document.createElement('p');
      p.innerHTML = d.excerpt; // Pagefind escapes the text and adds only <mark>.
      li.append(a, p);
      return li;
    }),
  );
  input.setAttribute('aria-expanded', String(data.length > 0));
  statusEl.textContent = data.length ? messages.count(search.results.length) : messages.none;
}

if (form && input) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value);
  });
  input.addEventListener('input', () => void run(input.value));
  const initial = new URL(location.href).searchParams.get('q') ?? '';
  input.value = initial;
  if (initial) void run(initial);
}

export {};
