/**
 * The search page (loaded only there; reading pages ship no search code). The URL holds the
 * query, filters and page of results (state.ts); typing updates it in place, moving between
 * pages of results adds to the history, so Back and shared links return to the same results.
 * The engine's files are fetched with the page (preloads in SearchView.astro's head); it starts
 * when the search box (or a filter) gets focus, or at once when the URL holds a query.
 */
import type { SearchTopic } from '../../lib/search/data.ts';
import { queryPhrases } from '../../lib/search/excerpt.ts';
import { PAGE_SIZE } from '../../lib/search/rank.ts';
import { config, counted, fill } from './config.ts';
import { earlyLead } from './early-lead.ts';
import { fetchFileAhead, loadData, loadEngine, type LoadedPage } from './engine.ts';
import { rankHits, type LeadFirst } from './rank-hits.ts';
import { excerptInSlices } from './slices.ts';
import { FILTERS, readState, stateUrl, type State } from './state.ts';
import { helpContent, pagerItems, resultItem, type ResultView } from './view.ts';

const DEBOUNCE_MS = 80;
/**
 * Result data (one file per result on a large site) is fetched only once the reader has paused
 * this long: on a phone's keyboard, letters come 150–300 ms apart, and data fetched for a word
 * still being typed would compete with the answer for the network. The search itself runs after
 * DEBOUNCE_MS and its index chunks load meanwhile. A link's query (the URL's, at load) waits for
 * none: before any input, the time of the last one is none, not the page's start (which held the
 * lead of a link's query until 220 ms after navigation, with nobody typing).
 */
const PAUSE_MS = 220;
let lastInput = -Infinity;
/** "Searching…" appears only when results take longer than this, so fast searches do not flicker. */
const LOADING_DELAY_MS = 250;
/** Results shown before the others (about a phone's screen of them): see show(). */
const FIRST_SCREEN = 3;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#search-form');
const input = $<HTMLInputElement>('#search-q');
const statusEl = $<HTMLElement>('#search-status');
const list = $<HTMLOListElement>('#search-results');
const pager = $<HTMLElement>('#search-pages');
const help = $<HTMLElement>('#search-help');
const selects = Object.fromEntries(FILTERS.map((f) => [f, $<HTMLSelectElement>(`#filter-${f}`)])) as Record<(typeof FILTERS)[number], HTMLSelectElement>;

const currentState = (): State => ({ q: input.value, page: 1, filters: Object.fromEntries(FILTERS.map((f) => [f, selects[f].value])) as State['filters'] });
const here = () => new URL(location.href);

function syncForm(state: State): void {
  if (input.value !== state.q) input.value = state.q;
  for (const f of FILTERS) {
    const wanted = state.filters[f];
    selects[f].value = [...selects[f].options].some((o) => o.value === wanted) ? wanted : '';
  }
}

/** Marks the results as those of this state (the URL they were asked for), for tests and tools. */
const shown = (state: State) => (list.dataset.shown = stateUrl(state, here()));

/**
 * The results list is marked busy while a search fills it: assistive technology then reads it
 * once complete, not result by result, and the offline worker's first installation waits for
 * it (public/sw-register.js), so it does not compete with the results for the network.
 */
const busy = (on: boolean) => (on ? list.setAttribute('aria-busy', 'true') : list.removeAttribute('aria-busy'));

function clear(state: State): void {
  busy(false);
  list.replaceChildren();
  shown(state);
  pager.hidden = true;
  pager.querySelector('ul')!.replaceChildren();
  help.replaceChildren();
  statusEl.textContent = '';
}

let generation = 0;

async function show(state: State, after: { focusResults?: boolean; scrollTo?: number | undefined } = {}): Promise<void> {
  const mine = ++generation;
  if (!state.q.trim()) return clear(state);
  busy(true);
  delete list.dataset.early;
  // Pagefind's chain of requests starts at once; our data, which Pagefind does not need, beside it.
  const loadingEngine = loadEngine();
  loadingEngine.catch(() => undefined);
  const slow = setTimeout(() => mine === generation && (statusEl.textContent = config.strings.loading), LOADING_DELAY_MS);
  try {
    // Waits out the rest of the reader's pause; false when another query replaced this one.
    const settled = async () => {
      const wait = lastInput + PAUSE_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return mine === generation;
    };
    const current = () => mine === generation;
    const own = await loadData();
    const terms = own.analyzer.queryTerms(state.q);
    const phrases = queryPhrases(own.analyzer, state.q);
    // Each excerpt is built in slices (slices.ts): the page answers the reader between them. The
    // lead topic's names count as matches in every excerpt: `Turkey` highlights «تركيا».
    const viewWith = (lead: SearchTopic | undefined) => async (p: LoadedPage, isLead: boolean): Promise<ResultView | undefined> => {
      const excerpt = await excerptInSlices(p.data, own.analyzer, p.positions, { names: lead?.names ?? [], opening: isLead, terms, phrases }, current);
      if (excerpt === false) return undefined;
      return { url: p.url, title: p.data.t, kind: p.data.k, excerpt, lead: isLead ? lead : undefined };
    };
    // The lead shown from our own data before Pagefind has answered (early-lead.ts), if it was:
    // the full search then keeps this element (see keep), so it is painted once.
    let early: HTMLLIElement | undefined;
    const unfiltered = !Object.values(state.filters).some(Boolean);
    const earlyShown = state.page === 1 && after.scrollTo === undefined && unfiltered
      ? (async () => {
          if (!(await settled())) return;
          const found = await earlyLead(own, state.q, fetchFileAhead);
          if (!found || !current()) return;
          const v = await viewWith(found.topic)(found.page, true);
          if (!v || !current()) return;
          list.start = 1;
          help.replaceChildren();
          // The count is not known yet: the status line says a search is under way, not the last one's count.
          if (statusEl.textContent && statusEl.textContent !== config.strings.loading) statusEl.textContent = config.strings.loading;
          early = resultItem(v);
          list.replaceChildren(early);
          list.dataset.early = 'shown';
        })().catch(() => undefined)
      : undefined;
    /**
     * Whether the early lead stays as `v`, the full search's first result: the same page, so the
     * element is kept and only what differs is set in place (the opening's marks, which the early
     * one found without Pagefind: excerpt.ts, openingPositions), not painted again.
     */
    const keep = (v: ResultView): boolean => {
      if (!early || list.firstElementChild !== early || list.childElementCount !== 1) return false;
      const fresh = resultItem(v);
      const [link, meta, excerpt] = [early.children[0]!, early.children[1]!, early.children[2]];
      const [freshLink, freshMeta, freshExcerpt] = [fresh.children[0] as HTMLAnchorElement, fresh.children[1]!, fresh.children[2]];
      if ((link as HTMLAnchorElement).href !== freshLink.href || link.textContent !== freshLink.textContent || early.className !== fresh.className) return false;
      if (meta.innerHTML !== freshMeta.innerHTML) meta.replaceChildren(...freshMeta.childNodes);
      if (excerpt && freshExcerpt) {
        if (excerpt.innerHTML !== freshExcerpt.innerHTML) {
          excerpt.replaceChildren(...freshExcerpt.childNodes);
          list.dataset.early = 'updated';
        } else list.dataset.early = 'kept';
      } else if (excerpt || freshExcerpt) return false;
      else list.dataset.early = 'kept';
      return true;
    };
    const engine = await loadingEngine;
    const topic = (id: string | undefined) => (id === undefined ? undefined : engine.data.topics.find((t) => t.id === id));
    // The status line above the results changes with the first of them, in the same frame: set
    // after them, its new height would move the results already shown.
    let announced: string | undefined;
    const status = (count: number, partial: boolean, page: number, pages: number) => {
      clearTimeout(slow);
      const where = pages > 1 ? ` · ${fill(config.strings.pageOf, { page, pages })}` : '';
      const text = `${partial ? `${config.strings.partial} ` : ''}${counted(config.counts, count)}${where}`;
      // Set once per search: shown with the lead, the count is not announced again with the others.
      if (text !== announced) statusEl.textContent = announced = text;
    };
    // A lead topic is first whatever the documents' data says (rank-hits.ts): on the first page of
    // results it is shown, with the count, as soon as its own data is in, while the documents'
    // data (a larger download: source texts) is still on its way; the others follow below it.
    let leadShown: Promise<boolean> | undefined;
    const onLead = state.page === 1 && after.scrollTo === undefined
      ? (first: LeadFirst) => {
          leadShown = (async () => {
            const v = await viewWith(topic(first.lead))(await engine.load(first.hit), true);
            await earlyShown;
            if (!v || !current()) return false;
            list.start = 1;
            status(first.count, false, 1, Math.ceil(first.count / PAGE_SIZE));
            help.replaceChildren();
            if (!keep(v)) list.replaceChildren(resultItem(v));
            return true;
          })().catch(() => false);
        }
      : undefined;
    const ranking = await rankHits(engine, state.q, state.filters, settled, onLead);
    if (!ranking || mine !== generation || !(await settled())) return;
    const pages = Math.max(1, Math.ceil(ranking.ids.length / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    // A link to a page past the last (the index changed since it was shared) shows the last.
    if (page !== state.page) {
      state = { ...state, page };
      history.replaceState(history.state, '', stateUrl(state, here()));
    }
    const ids = ranking.ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const loaded = await Promise.all(ids.map((id) => engine.load(ranking.hits.get(id)!)));
    if (mine !== generation) return;
    const lead = topic(ranking.lead);
    const isLead = (i: number) => lead !== undefined && ids[i] === lead.page;
    const view = viewWith(lead);
    await earlyShown;
    // Shown already (and first it stays: the others go below it).
    const leadIsShown = (await leadShown) === true && page === 1 && isLead(0);
    if (!current()) return;
    // The first screen of results is shown first, at once; each of the others follows in a task
    // of its own, so the first results are not held back by the excerpts below them. Returning to
    // a position (Back) shows them all at once, to scroll there.
    const first = after.scrollTo === undefined ? FIRST_SCREEN : loaded.length;
    const views: ResultView[] = [];
    for (const [i, p] of loaded.slice(0, first).entries()) {
      if (i === 0 && leadIsShown) continue;
      const v = await view(p, isLead(i));
      if (!v) return;
      views.push(v);
    }
    if (!current()) return;
    list.start = (page - 1) * PAGE_SIZE + 1;
    status(ranking.ids.length, ranking.partial, page, pages);
    if (ranking.ids.length === 0) help.replaceChildren(...helpContent(engine.analyzer.queryTerms(state.q), engine.data.topics, (t) => `${config.base}${t.url.slice(1)}`));
    else help.replaceChildren();
    if (leadIsShown) list.append(...views.map(resultItem));
    else if (views[0] && isLead(0) && page === 1 && keep(views[0])) list.append(...views.slice(1).map(resultItem));
    else list.replaceChildren(...views.map(resultItem));
    for (let i = first; i < loaded.length; i++) {
      await nextTask();
      if (!current()) return;
      const v = await view(loaded[i]!, isLead(i));
      if (!v) return;
      list.append(resultItem(v));
    }
    shown(state);
    const items = pagerItems(page, pages, (n) => stateUrl({ ...state, page: n }, here()));
    pager.querySelector('ul')!.replaceChildren(...items);
    pager.hidden = items.length === 0;
    if (after.focusResults) {
      list.focus({ preventScroll: true });
      list.scrollIntoView({ block: 'start' });
    }
    if (after.scrollTo !== undefined) scrollTo(0, after.scrollTo);
  } catch (error) {
    if (mine === generation) statusEl.textContent = config.strings.error;
    console.warn(error);
  } finally {
    clearTimeout(slow);
    // A newer search, still running, keeps the list busy.
    if (mine === generation) busy(false);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function typed(): void {
  lastInput = performance.now();
  const state = currentState();
  history.replaceState(null, '', stateUrl(state, here()));
  // Fetch the index chunks for the words so far while the reader is still typing.
  void loadEngine().then((engine) => engine.preload(engine.analyzer.queryTerms(state.q)), () => undefined);
  clearTimeout(timer);
  timer = setTimeout(() => void show(state), DEBOUNCE_MS);
}

input.addEventListener('input', typed);
for (const f of FILTERS) selects[f].addEventListener('change', typed);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const state = currentState();
  history.replaceState(null, '', stateUrl(state, here()));
  void show(state);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && input.value) {
    input.value = '';
    typed();
  } else if (event.key === 'ArrowDown') {
    const first = list.querySelector('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }
});

// Pages of results: real links (open in a new tab, copy), followed in place by a plain click.
pager.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  void show(readState(here()), { focusResults: true });
});
addEventListener('popstate', () => {
  const state = readState(here());
  syncForm(state);
  void show(state, { scrollTo: (history.state as { scroll?: number } | null)?.scroll });
});

// Back from a result returns to the same place: the position is kept with this history entry.
history.scrollRestoration = 'manual';
const remember = () => history.replaceState({ scroll: scrollY }, '');
list.addEventListener('click', (event) => (event.target as HTMLElement).closest('a') && remember());
addEventListener('pagehide', remember);

input.addEventListener('focus', () => void loadEngine().catch(() => undefined), { once: true });
form.querySelector('fieldset')!.addEventListener('focusin', () => void loadEngine().catch(() => undefined), { once: true });

const initial = readState(here());
syncForm(initial);
if (initial.q) void show(initial, { scrollTo: (history.state as { scroll?: number } | null)?.scroll });
