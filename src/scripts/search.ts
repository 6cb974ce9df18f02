/**
 * The search page: reads ?q= (and filters) from the URL, keeps them there as the reader types,
 * queries the Pagefind index of the page's language with the same normalisation the index was
 * built with, and renders results as an accessible listbox with excerpts in the original
 * spelling. Loaded only by the search page; reading pages ship no search code.
 */
import { queryTerms } from '../lib/search/normalize.ts';
import { bestExcerpt, type Section } from '../lib/search/excerpt.ts';

interface Config {
  bundle: string;
  base: string;
  strings: Record<string, string>;
  counts: Record<string, string>;
  pluralLocale: string;
  types: Record<string, string>;
  topics: { name: string; url: string; names: string[]; phrases: string[] }[];
}
interface ResultData {
  url: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: { id: string; data(): Promise<ResultData> }[] } | null>;
}

const FILTERS = ['type', 'topic', 'outlet'] as const;
const PAGE_SIZE = 10;

const config = JSON.parse(document.getElementById('search-config')!.textContent!) as Config;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-q')!;
const statusEl = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLUListElement>('#search-results')!;
const help = document.querySelector<HTMLElement>('#search-help')!;
const selects = Object.fromEntries(FILTERS.map((f) => [f, document.querySelector<HTMLSelectElement>(`#filter-${f}`)!])) as Record<(typeof FILTERS)[number], HTMLSelectElement>;

let pagefind: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${config.bundle}pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
    // No worker: one request less, and our indexes are small enough for the main thread.
    await pf.options({ baseUrl: config.base, bundlePath: config.bundle, excerptLength: 0, noWorker: true });
    await pf.init();
    return pf;
  });
  return pagefind;
}

const countLabel = (n: number) => (config.counts[new Intl.PluralRules(config.pluralLocale).select(n)] ?? config.counts.other!).replace('{n}', new Intl.NumberFormat(config.pluralLocale).format(n));

function syncUrl(query: string): void {
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  if (!query) url.searchParams.delete('q');
  for (const f of FILTERS) {
    if (selects[f].value) url.searchParams.set(f, selects[f].value);
    else url.searchParams.delete(f);
  }
  history.replaceState(null, '', url);
}

/** A topic page whose name (in either language, any spelling) is exactly the query comes first. */
function exactNameFirst(data: ResultData[], query: string): ResultData[] {
  const exact = new Set(config.topics.filter((topic) => topic.phrases.includes(query)).map((topic) => topic.url));
  return [...data.filter((d) => exact.has(d.url)), ...data.filter((d) => !exact.has(d.url))];
}

/**
 * Words to highlight: the query's own, plus every name of a topic the query names, so `Turkey`
 * on an Arabic page highlights «تركيا» where the page says it.
 */
function highlightTerms(terms: string[]): string[] {
  const query = terms.join(' ');
  const named = config.topics.filter((topic) => topic.phrases.includes(query));
  return [...new Set([...terms, ...named.flatMap((topic) => topic.phrases.flatMap((p) => p.split(' ')).filter((w) => w.length >= 3))])];
}

function suggestions(terms: string[]): Config['topics'] {
  const scored = config.topics
    .map((topic) => ({ topic, score: Math.max(0, ...topic.names.flatMap((n) => terms.map((t) => commonPrefix(n, t)))) }))
    .filter((x) => x.score >= 2)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, 6).map((x) => x.topic);
}
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function renderHelp(terms: string[]): void {
  const found = suggestions(terms);
  const p = document.createElement('p');
  p.textContent = config.strings.tips!;
  help.replaceChildren(p);
  if (found.length) {
    const label = document.createElement('p');
    label.textContent = config.strings.suggest!;
    const ul = document.createElement('ul');
    ul.className = 'chips';
    ul.append(...found.map((topic) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = topic.url;
      a.textContent = topic.name;
      li.append(a);
      return li;
    }));
    help.append(label, ul);
  }
}

function renderResult(data: ResultData, index: number, terms: string[]): HTMLLIElement {
  const sections = JSON.parse(data.meta.sections ?? '[]') as Section[];
  const excerpt = bestExcerpt(sections, terms);
  const li = document.createElement('li');
  li.id = `result-${index}`;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.className = 'search-result';
  // Options hold no links (an interactive element inside an option is not allowed); the option
  // itself navigates, by click or by Enter on the combobox.
  li.dataset.href = `${data.url}${excerpt?.matched && excerpt.anchor ? `#${excerpt.anchor}` : ''}`;
  const title = document.createElement('span');
  title.className = 'search-result__title';
  title.textContent = data.meta.title ?? data.url;
  const type = document.createElement('span');
  type.className = 'badge';
  type.textContent = config.types[data.meta.type ?? ''] ?? '';
  const heading = document.createElement('p');
  heading.className = 'meta';
  heading.append(type);
  if (excerpt?.matched && excerpt.heading) heading.append(` ${excerpt.heading}`);
  const p = document.createElement('p');
  p.className = 'search-result__excerpt';
  for (const part of excerpt?.parts ?? []) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      p.append(mark);
    } else p.append(part.text);
  }
  li.append(title, heading, p);
  if (excerpt && !excerpt.matched) {
    const note = document.createElement('p');
    note.className = 'meta';
    note.textContent = `${config.strings.matchedName}: ${input.value.trim()}`;
    li.append(note);
  }
  return li;
}

let generation = 0;
async function run(): Promise<void> {
  const query = input.value.trim();
  syncUrl(input.value);
  const mine = ++generation;
  const terms = queryTerms(query);
  if (!terms.length) {
    list.replaceChildren();
    help.replaceChildren();
    statusEl.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    return;
  }
  statusEl.textContent = config.strings.loading!;
  try {
    const pf = await load();
    const filters = Object.fromEntries(FILTERS.filter((f) => selects[f].value).map((f) => [f, selects[f].value]));
    const search = await pf.search(terms.join(' '), { filters });
    if (!search || mine !== generation) return;
    const data = exactNameFirst(await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data())), terms.join(' '));
    if (mine !== generation) return;
    const marks = highlightTerms(terms);
    list.replaceChildren(...data.map((d, i) => renderResult(d, i, marks)));
    input.setAttribute('aria-expanded', String(data.length > 0));
    input.removeAttribute('aria-activedescendant');
    statusEl.textContent = countLabel(search.results.length);
    if (data.length === 0) renderHelp(terms);
    else help.replaceChildren();
  } catch (error) {
    statusEl.textContent = config.strings.error!;
    console.warn(error);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 120);
}

function options(): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[role="option"]')];
}
function activate(index: number): void {
  const all = options();
  all.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
  const active = all[index];
  if (active) {
    input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  }
}

input.addEventListener('keydown', (event) => {
  const all = options();
  const current = all.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  if (event.key === 'ArrowDown' && all.length) {
    event.preventDefault();
    activate(Math.min(all.length - 1, current + 1));
  } else if (event.key === 'ArrowUp' && all.length) {
    event.preventDefault();
    activate(Math.max(0, current - 1));
  } else if (event.key === 'Enter' && current >= 0) {
    event.preventDefault();
    location.assign(all[current]!.dataset.href!);
  } else if (event.key === 'Escape') {
    input.value = '';
    void run();
  }
});
list.addEventListener('click', (event) => {
  const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
  if (option?.dataset.href) location.assign(option.dataset.href);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
input.addEventListener('input', schedule);
for (const f of FILTERS) selects[f].addEventListener('change', () => void run());

// The filter options are in the page (src/lib/search/filter-values.ts): Pagefind loads a
// filter's index only when a search uses it.
const params = new URL(location.href).searchParams;
for (const f of FILTERS) {
  const wanted = params.get(f);
  if (wanted && [...selects[f].options].some((o) => o.value === wanted)) selects[f].value = wanted;
}
const initial = params.get('q') ?? '';
input.value = initial;
if (initial) void run();
// Load the index when the reader shows intent, so the first results come quickly.
input.addEventListener('focus', () => void load(), { once: true });
form.querySelector('fieldset')!.addEventListener('focusin', () => void load(), { once: true });
