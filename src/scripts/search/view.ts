/**
 * The search page's DOM: results as links in an ordered list, the lead topic, the count in the
 * live region, the pages of results, and help when nothing matched. Builds elements only; what to
 * show comes from main.ts.
 */
import type { Excerpt } from '../../lib/search/excerpt.ts';
import type { SearchTopic } from '../../lib/search/data.ts';
import { config, counted, fill, number } from './config.ts';

export interface ResultView {
  url: string;
  title: string;
  kind: 'b' | 's' | 't';
  excerpt?: Excerpt | undefined;
  /** The lead topic this result is, if it is. */
  lead?: SearchTopic | undefined;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

function excerptParagraph(excerpt: Excerpt): HTMLParagraphElement {
  const p = el('p', { className: 'search-result__excerpt' });
  for (const part of excerpt.parts) p.append(part.mark ? el('mark', {}, part.text) : part.text);
  return p;
}

export function resultItem(r: ResultView): HTMLLIElement {
  const anchor = r.excerpt?.matched && r.excerpt.anchor ? `#${r.excerpt.anchor}` : '';
  const link = el('a', { className: 'search-result__link', href: `${r.url}${anchor}` }, r.title);
  const meta = el('p', { className: 'search-result__meta' });
  if (r.lead) {
    const mentions = fill(config.strings.mentions, { briefings: counted(config.briefings, r.lead.briefings), sources: counted(config.sources, r.lead.sources) });
    meta.append(el('span', { className: 'badge' }, fill(config.strings.topicKind, { kind: config.kinds[r.lead.kind] ?? '' })), ' ', mentions);
  } else {
    meta.append(el('span', { className: 'badge' }, config.types[r.kind]));
    if (r.excerpt?.matched && r.excerpt.heading) meta.append(' ', r.excerpt.heading);
  }
  const li = el('li', { className: r.lead ? 'search-result search-result--lead' : 'search-result' }, link, meta);
  if (r.excerpt?.parts.length) li.append(excerptParagraph(r.excerpt));
  return li;
}

/** Links to the pages of results: previous, a few numbers around the current one, next. */
export function pagerItems(current: number, pages: number, href: (page: number) => string): HTMLElement[] {
  if (pages <= 1) return [];
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const item = (page: number, text: string, rel?: string) => {
    const a = el('a', { href: href(page) }, text);
    a.dataset.page = String(page);
    if (rel) a.rel = rel;
    if (page === current && !rel) a.setAttribute('aria-current', 'page');
    a.setAttribute('aria-label', fill(config.strings.page, { n: page }));
    if (rel) a.setAttribute('aria-label', text);
    return el('li', {}, a);
  };
  const items: HTMLElement[] = [];
  if (current > 1) items.push(item(current - 1, config.strings.previous, 'prev'));
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) items.push(el('li', { className: 'search-pages__gap' }, '…'));
    items.push(item(n, number(n)));
  });
  if (current < pages) items.push(item(current + 1, config.strings.next, 'next'));
  return items;
}

/** Topic suggestions when nothing matched: names sharing the longest start with a query word. */
export function helpContent(tokens: string[], topics: SearchTopic[], topicHref: (t: SearchTopic) => string): HTMLElement[] {
  const common = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const found = topics
    .map((topic) => ({ topic, score: Math.max(0, ...topic.names.flat().flatMap((n) => tokens.map((t) => common(n, t)))) }))
    .filter((x) => x.score >= 3)
    .sort((a, b) => b.score - a.score)
    .slice(0, 6);
  const out: HTMLElement[] = [el('p', {}, config.strings.tips)];
  if (found.length) out.push(el('p', {}, config.strings.suggest), el('ul', { className: 'chips' }, ...found.map(({ topic }) => el('li', {}, el('a', { href: topicHref(topic) }, topic.name)))));
  return out;
}
