/**
 * Timeline paging (issue 16), on a corpus big enough to page: the bench's synthetic corpus at 45
 * sources (each real briefing copied eight times, 171 events a language; January 2026 alone has
 * 63, more than a page holds). No timeline page holds more than the budget; every month page is
 * reachable from the first page; every count says what its page shows; month pages have their
 * counterparts and sitemap entries and stay out of the search index. Then two edits with the
 * build cache: an event's text re-renders the pages that show that event and no other timeline
 * or topic page; a briefing's body (the bench's one-briefing edit) re-renders no timeline page
 * and no topic page (none shows the added text).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/bench/corpus.mjs';
import { BENCH_DIR } from '../../scripts/bench/lib.mjs';
import { LANGS, plural, type Lang } from '../../src/i18n/index.ts';
import { TIMELINE_PAGE_EVENTS, TIMELINE_STATUSES } from '../../src/lib/timeline.ts';
import { cleanEnv, readSite, type BuiltSite } from '../helpers/site.ts';

const work = join(BENCH_DIR, `timeline-paging-${process.pid}`);
const root = join(work, 'project');
const cache = join(work, 'cache');
const out = join(work, 'site');

const envOf = () => ({ ...cleanEnv(), FORCE_COLOR: '0', BRIEFING_ROOT: root, OUT_DIR: out, ASTRO_CACHE: join(cache, 'astro'), CARDS_CACHE: join(cache, 'cards'), IMAGES_CACHE: join(cache, 'images'), SEARCH_CACHE: join(cache, 'search'), OFFLINE_CACHE: join(cache, 'offline') });

/** Builds the site; returns the pages Astro rendered (not copied from the cache). */
function build(): string[] {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: envOf(), encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  // Astro logs each page it writes: "(+12ms)" when rendered, "(cached)" or "(restored)" when copied.
  const log = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  return [...log.matchAll(/ (\/\S+?)index\.html \(\+[\d.]+m?s\)/g)].map((m) => m[1]!);
}

let site: BuiltSite;
let rendered: string[];
beforeAll(() => {
  mkdirSync(work, { recursive: true });
  generate(45, root);
  rendered = build();
  site = readSite(out, '/');
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const isTimeline = (path: string) => /^\/(?:ar|en)\/timeline\//.test(path);
/** A topic's own page: /en/topics/turkey/ (not the topics index, not a topic's timeline). */
const isTopic = (path: string) => /^\/(?:ar|en)\/topics\/[^/]+\/$/.test(path);
/** Month pages of the whole timeline (not a topic's): /en/timeline/2026-01/ and /en/timeline/2026-01/2/. */
const MONTH_PAGE = /^\/(ar|en)\/timeline\/(\d{4}(?:-\d{2})?)\/(?:(\d+)\/)?$/;
const items = (page: HTMLElement) => page.querySelectorAll('.timeline__item');
const linksOf = (page: HTMLElement) => page.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!.split('#')[0]!);

describe('timeline paging on a corpus that pages', () => {
  it('pages: no timeline page over the budget, and the big month cut into parts', () => {
    const timeline = [...site.pages.keys()].filter(isTimeline);
    expect(timeline.length).toBeGreaterThan(50);
    for (const path of timeline) expect(items(site.pages.get(path)!).length, path).toBeLessThanOrEqual(TIMELINE_PAGE_EVENTS);
    for (const lang of LANGS) {
      // January 2026 has more events than a page: two parts, near-equal, together the month.
      const [one, two] = [`/${lang}/timeline/2026-01/`, `/${lang}/timeline/2026-01/2/`].map((p) => site.pages.get(p));
      expect(one && two, lang).toBeTruthy();
      expect(items(one!).length + items(two!).length).toBeGreaterThan(TIMELINE_PAGE_EVENTS);
      expect(Math.abs(items(one!).length - items(two!).length)).toBeLessThanOrEqual(1);
      expect(site.pages.has(`/${lang}/timeline/2026-01/3/`)).toBe(false);
      // Each part links every part of its month, itself marked as the current page.
      for (const [i, page] of [one!, two!].entries()) {
        expect(page.querySelectorAll('.tl-parts a').map((a) => a.getAttribute('href'))).toEqual([`/${lang}/timeline/2026-01/`, `/${lang}/timeline/2026-01/2/`]);
        expect(page.querySelector('.tl-parts a[aria-current="page"]')?.text).toBe(String(i + 1));
      }
    }
  });

  it('every month page is reachable from the first pages, and the first pages show whole months or one part', () => {
    for (const lang of LANGS) {
      const months = [...site.pages.keys()].filter((p) => MONTH_PAGE.exec(p)?.[1] === lang);
      expect(months.length).toBeGreaterThan(5);
      for (const start of [`/${lang}/timeline/`, `/${lang}/timeline/oldest/`]) {
        const seen = new Set([start]);
        const queue = [start];
        while (queue.length) {
          for (const link of linksOf(site.pages.get(queue.shift()!)!)) {
            if ((MONTH_PAGE.test(link) || link === start) && !seen.has(link)) {
              seen.add(link);
              queue.push(link);
            }
          }
        }
        for (const month of months) expect(seen.has(month), `${month} from ${start}`).toBe(true);
        // The first page's index links each month once.
        const index = site.pages.get(start)!.querySelectorAll('.tl-index li a').map((a) => a.getAttribute('href'));
        expect(new Set(index).size).toBe(index.length);
        expect(index.length).toBe(months.filter((m) => !/\/\d+\/$/.test(m)).length);
      }
    }
  });

  it('every count promises what its page shows: status filters count the page, the month index counts the month', () => {
    for (const [path, page] of site.pages) {
      if (!isTimeline(path)) continue;
      const all = page.querySelector('.tl-controls a[href="#months"]');
      expect(all, path).not.toBeNull();
      expect(all!.text.trim(), path).toMatch(new RegExp(`\\(${items(page).length}\\)$`));
      for (const status of TIMELINE_STATUSES) {
        const n = page.querySelectorAll(`.timeline__item--${status}`).length;
        const link = page.querySelector(`#only-${status}`);
        if (n === 0) expect(link, `${path} ${status}`).toBeNull();
        else expect(link?.text.trim(), `${path} ${status}`).toMatch(new RegExp(`\\(${n}\\)$`));
      }
    }
    for (const lang of LANGS) {
      const first = site.pages.get(`/${lang}/timeline/`)!;
      const entries = first.querySelectorAll('.tl-index li');
      expect(entries.length).toBeGreaterThan(5);
      for (const li of entries) {
        const month = li.querySelector('a')!.getAttribute('href')!;
        let n = 0;
        for (const [path, page] of site.pages) if (path === month || (path.startsWith(month) && /^\d+\/$/.test(path.slice(month.length)))) n += items(page).length;
        expect(li.text, month).toContain(plural(lang as Lang, 'timeline.events', n));
      }
    }
  });

  it('month pages: counterpart links, sitemap entries, not in the search index, inside the header\'s Timeline', () => {
    const sitemap = readdirSync(out).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    for (const [path, page] of site.pages) {
      if (!isTimeline(path)) continue;
      const lang = path.slice(1, 3);
      const other = lang === 'ar' ? 'en' : 'ar';
      const counterpart = `/${other}${path.slice(3)}`;
      expect(site.pages.has(counterpart), counterpart).toBe(true);
      expect(page.querySelector(`link[rel="alternate"][hreflang="${other}"]`)?.getAttribute('href'), path).toMatch(new RegExp(`${counterpart.replace(/[/.]/g, '\\$&')}$`));
      expect(page.querySelector(`a[data-lang-switch="${other}"]`)?.getAttribute('href'), path).toBe(counterpart);
      expect(sitemap, path).toContain(`${path}</loc>`);
      expect(page.querySelector('[data-pagefind-body]'), path).toBeNull();
      // The header's Timeline item: the page itself on the timeline's first page, the section
      // it is in on every other timeline page (nav-current.ts); no other item is current.
      const current = page.querySelectorAll('.site-nav a[aria-current]').map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]);
      expect(current, path).toEqual([[`/${lang}/timeline/`, path === `/${lang}/timeline/` ? 'page' : 'true']]);
    }
  });

  it('an event edited re-renders the pages that show it, no other timeline or topic page; a briefing body edited, none', () => {
    // A synthetic English briefing with the corpus's oldest event (28 March 2024).
    const dir = join(root, 'content', 'briefings', 'en');
    const file = readdirSync(dir).find((f) => f.startsWith('bench-') && readFileSync(join(dir, f), 'utf8').includes('date: "2024-03-28"'))!;
    expect(file).toBeDefined();
    const text = readFileSync(join(dir, file), 'utf8');
    // Words found nowhere else (the briefing's key points also say "Politico reported that").
    const edited = text.replace('text: "Politico reports that', 'text: "Politico reported, in this edited event, that');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, file), edited);
    const renderedAfterEvent = build();
    const after = renderedAfterEvent.filter(isTimeline);
    const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
    const shows = (path: string) => html(path).includes('in this edited event');
    // Rendered again: exactly the timeline pages that now show the edited text.
    const showing = [...site.pages.keys()].filter((p) => isTimeline(p) && shows(p));
    expect(after.sort()).toEqual(showing.sort());
    expect(after).toContain('/en/timeline/2024-03/');
    expect(after).toContain('/en/timeline/oldest/');
    // Not the newest-first page, nor any other month's, nor any Arabic page.
    expect(after.filter((p) => MONTH_PAGE.test(p))).toEqual(['/en/timeline/2024-03/']);
    expect(after.some((p) => p.startsWith('/ar/'))).toBe(false);
    expect(after.length).toBeLessThan([...site.pages.keys()].filter(isTimeline).length / 10);
    // Topic pages: only those that show the edited event (among a topic's newest, or a sentence
    // citing a topic), not every page showing some event, nor those of topics the event is not about.
    const topicsShowing = [...site.pages.keys()].filter((p) => isTopic(p) && shows(p));
    expect(topicsShowing.length).toBeGreaterThan(0);
    expect(renderedAfterEvent.filter(isTopic).sort()).toEqual(topicsShowing.sort());
    // And no page left out shows the event as it was: no item linking this briefing on a
    // timeline or topic page still has the old words.
    const briefingLink = `/en/briefings/${file.replace(/\.md$/, '')}/`;
    for (const path of [...site.pages.keys()].filter((p) => isTimeline(p) || isTopic(p))) {
      const stale = parse(html(path)).querySelectorAll('li').filter((li) => li.querySelector(`a[href="${briefingLink}"]`) && li.text.includes('Politico reports that'));
      expect(stale.length, path).toBe(0);
    }

    writeFileSync(join(dir, file), `${edited.trimEnd()}\n\nOne more sentence in the body, added by the timeline paging test.\n`);
    const renderedAfterBody = build();
    expect(renderedAfterBody.filter(isTimeline)).toEqual([]);
    // No topic page shows a briefing's body beyond the sentences that cite the topic.
    expect(renderedAfterBody.filter(isTopic)).toEqual([]);
    // The edited briefing's own page is rendered again: the edit was seen.
    expect(renderedAfterBody).toContain(`/en/briefings/${file.replace(/\.md$/, '')}/`);
    // The first build rendered every timeline page: the counts above are of a build that could skip.
    expect(rendered.filter(isTimeline).length).toBe([...site.pages.keys()].filter(isTimeline).length);
    expect(rendered.filter(isTopic).length).toBe([...site.pages.keys()].filter(isTopic).length);
  }, 600_000);
});
