/**
 * What the reader asked for, as the URL says it: `?q=…&page=2&type=…&topic=…&outlet=…`. The URL
 * is the state, so a shared link, a reload or Back shows the same results at the same page.
 */
export const FILTERS = ['type', 'topic', 'outlet'] as const;
export type FilterKey = (typeof FILTERS)[number];

export interface State {
  q: string;
  /** 1-based page of results. */
  page: number;
  filters: Record<FilterKey, string>;
}

export function readState(url: URL): State {
  const p = url.searchParams;
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  return {
    q: p.get('q') ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
    filters: Object.fromEntries(FILTERS.map((f) => [f, p.get(f) ?? ''])) as Record<FilterKey, string>,
  };
}

/** The URL of a state, relative to the current one (same path). */
export function stateUrl(state: State, from: URL): string {
  const url = new URL(from.href);
  url.search = '';
  url.hash = '';
  if (state.q) url.searchParams.set('q', state.q);
  for (const f of FILTERS) if (state.filters[f]) url.searchParams.set(f, state.filters[f]);
  if (state.page > 1) url.searchParams.set('page', String(state.page));
  return `${url.pathname}${url.search}`;
}
