/** Driving the search page as a reader does: type a query, wait for its results, read them. */
import type { Page } from 'playwright-core';

/** Types the query into the page's search box, submits it and waits until its results are shown. */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await settled(page, query);
}

/**
 * Waits until the search page shows the results of the state in its URL (query, filters, page of
 * results: the page marks its results with the URL they answer), and returns the status line.
 */
export async function settled(page: Page, query?: string): Promise<string> {
  await page.waitForFunction((q) => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    const shown = document.querySelector<HTMLElement>('#search-results')?.dataset.shown;
    const url = new URL(location.href);
    const params = (u: URL) => {
      const p = new URLSearchParams(u.search);
      p.sort();
      return `${u.pathname}?${p}`;
    };
    return status !== '' && !status.includes('…') && shown !== undefined && params(new URL(shown, url)) === params(url) && (q === undefined || url.searchParams.get('q') === q);
  }, query);
  return (await page.textContent('#search-status'))!;
}

/** The result links in order (one per result). */
export async function resultHrefs(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => li.querySelector('a')?.getAttribute('href') ?? (li as HTMLElement).dataset.href ?? ''),
  );
}
