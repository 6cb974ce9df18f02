/**
 * How the site header marks its item for the page shown (WAI-ARIA `aria-current`): the item that
 * is this page gets "page"; an item whose section holds this page (a briefing is inside Briefings,
 * a topic inside Topics; a month of the timeline, a topic's timeline, the oldest-first timeline
 * inside Timeline) gets "true", which a screen
 * reader announces as "current" without saying the link leads to this very page; others nothing.
 * Paths are root-relative, as `routes` gives them.
 */
export function navCurrent(item: { path: string; section?: boolean }, page: string): 'page' | 'true' | undefined {
  if (item.path === page) return 'page';
  return item.section && page.startsWith(item.path) ? 'true' : undefined;
}
