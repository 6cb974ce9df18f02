/**
 * Reading on a phone and a laptop (issue 12): citations that name their outlet and stay with
 * their words, touch-sized citation targets, and the pages a reader moves between.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE, useServedSite } from '../helpers/served-site.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { LANGS } from '../../src/i18n/locales.ts';
import { t } from '../../src/i18n/index.ts';
import { CORRECTIONS_EMAIL } from '../../src/config.ts';
import { eventsOfTopic, groupByMonth } from '../../src/lib/timeline.ts';

const site = useServedSite();
const { corpus } = loadCorpus();
const BRIEFINGS = corpus!.briefings.en.map((b) => b.id);

async function phone(): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  return context.newPage();
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(site.server.url(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready);
}

describe('citations name their source', () => {
  it('every citation reads as outlet and paragraph, on briefings, the timeline and topic pages', async () => {
    const page = await phone();
    const outlets = Object.fromEntries(LANGS.map((l) => [l, new Set([...corpus!.sources.values()].map((s) => s.outlet[l]))]));
    const problems: string[] = [];
    let seen = 0;
    for (const lang of LANGS) {
      for (const path of [...BRIEFINGS.map((id) => `/${lang}/briefings/${id}/`), `/${lang}/timeline/`, `/${lang}/topics/turkey/`, `/${lang}/topics/italy/`]) {
        await open(page, path);
        const runs = await page.$$eval('.cites', (els) => els.map((el) => [...el.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' }))));
        for (const run of runs) {
          run.forEach((link, i) => {
            seen += 1;
            const m = /^(?:(.+) )?¶(\d+)(?:–(\d+))?$/u.exec(link.text);
            if (!m) {
              problems.push(`${path}: "${link.text}" is not "outlet ¶n"`);
              return;
            }
            // The first citation of a run always names its outlet; later ones may share it.
            if (i === 0 && !m[1]) problems.push(`${path}: "${link.text}" names no outlet`);
            if (m[1] && !outlets[lang]!.has(m[1])) problems.push(`${path}: "${m[1]}" is not a source's outlet label`);
            if (!link.href.endsWith(`#p${m[2]}`) || !link.href.includes(`/${lang}/sources/`)) problems.push(`${path}: "${link.text}" links to ${link.href}`);
          });
        }
      }
    }
    expect(problems).toEqual([]);
    expect(seen).toBeGreaterThan(300);
    await page.context().close();
  });

  it('each briefing keys its outlets to source documents right under the key points', async () => {
    const page = await phone();
    for (const lang of LANGS) {
      await open(page, `/${lang}/briefings/isf-overview/`);
      const key = await page.evaluate(() => {
        const section = document.querySelector('.key-points')!.nextElementSibling!;
        return { cls: section.className, outlets: [...section.querySelectorAll('dt')].map((dt) => dt.textContent), links: [...section.querySelectorAll('dd a:not(.est)')].map((a) => a.getAttribute('href')) };
      });
      expect(key.cls).toContain('source-key');
      const ids = corpus!.briefing(lang, 'isf-overview')!.data.sources;
      expect(key.outlets).toEqual(ids.map((id) => corpus!.sources.get(id)!.outlet[lang]));
      expect(key.links.map((h) => h!.replace(/^.*\/sources\/([^/]+)\/$/, '$1'))).toEqual(ids);
    }
    await page.context().close();
  });

  it('citation targets are at least 44 × 44 px on a touch screen, and leave a laptop line height alone', async () => {
    const sizes = async (page: Page) =>
      page.evaluate(() => {
        // A finger's target is the citation's preview wrapper where it has one (the link lets the
        // first tap through to it, src/lib/citation-preview.ts), otherwise the link.
        const rects = [...document.querySelectorAll('.cites a')].flatMap((a) => [...(a.closest('.cites > span') ?? a).getClientRects()]);
        const li = document.querySelector('.key-points li')!;
        return { w: Math.min(...rects.map((r) => r.width)), h: Math.min(...rects.map((r) => r.height)), line: parseFloat(getComputedStyle(li).lineHeight) };
      });
    const touch = await phone();
    const laptop = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const lang of LANGS) {
      await open(touch, `/${lang}/briefings/isf-overview/`);
      const t = await sizes(touch);
      expect(t.w, lang).toBeGreaterThanOrEqual(44);
      expect(t.h, lang).toBeGreaterThanOrEqual(44);
      await open(laptop, `/${lang}/briefings/isf-overview/`);
      // On a laptop the key points' line boxes are as tall as the line height: citations add nothing.
      const boxes = await laptop.evaluate(() => {
        const li = [...document.querySelectorAll('.key-points li')];
        const line = parseFloat(getComputedStyle(li[0]!).lineHeight);
        return li.map((el) => {
          const lines = el.getBoundingClientRect().height / line;
          return Math.abs(lines - Math.round(lines));
        });
      });
      for (const off of boxes) expect(off, lang).toBeLessThan(0.05);
    }
    await touch.context().close();
    await laptop.close();
  });
});

describe('RTL and LTR text hygiene at 390 px', () => {
  it('no line starts with punctuation stranded after a citation, and a citation never starts a line', async () => {
    const page = await phone();
    const problems: string[] = [];
    let checked = 0;
    for (const lang of LANGS) {
      for (const path of [...BRIEFINGS.map((id) => `/${lang}/briefings/${id}/`), `/${lang}/timeline/`]) {
        await open(page, path);
        const found = await page.evaluate(() => {
          const out: { text: string; issue: string }[] = [];
          let n = 0;
          const lineOf = (r: DOMRect) => r.top + r.height / 2;
          for (const cites of document.querySelectorAll('.cites')) {
            const links = [...cites.querySelectorAll('a')];
            const first = links[0]!.getClientRects()[0]!;
            const last = [...links.at(-1)!.getClientRects()].at(-1)!;
            // The character just before the run must sit on the first citation's line.
            const before = cites.previousSibling;
            if (before && before.textContent) {
              const range = document.createRange();
              const node = before.nodeType === Node.TEXT_NODE ? before : document.createTreeWalker(before, NodeFilter.SHOW_TEXT).lastChild();
              if (node && node.textContent!.trimEnd().length) {
                const end = node.textContent!.trimEnd().length;
                range.setStart(node, end - 1);
                range.setEnd(node, end);
                const r = range.getClientRects()[0];
                if (r && Math.abs(lineOf(r) - lineOf(first)) > first.height / 2) out.push({ text: `${node.textContent!.slice(-20)}|${cites.textContent}`, issue: 'citation starts a line' });
              }
            }
            // A punctuation mark right after the run must sit on the last citation's line.
            const after = cites.nextSibling;
            if (after?.nodeType === Node.TEXT_NODE && /^[.,:;!?)\]»”،؛؟…]/u.test(after.textContent!)) {
              n += 1;
              const range = document.createRange();
              range.setStart(after, 0);
              range.setEnd(after, 1);
              const r = range.getClientRects()[0]!;
              if (Math.abs(lineOf(r) - lineOf(last)) > last.height / 2) out.push({ text: `${cites.textContent}|${after.textContent!.slice(0, 20)}`, issue: 'punctuation starts a line' });
            }
          }
          return { out, n };
        });
        checked += found.n;
        problems.push(...found.out.map((o) => `${path}: ${o.issue}: ${o.text}`));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    await page.context().close();
  });
});

describe('an estimated date explains itself on a tap', () => {
  it('on briefings, cards, index pages, the timeline and topic pages, with no script', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const why = (lang: 'ar' | 'en') => t(lang, 'briefing.inferredTitle');
    for (const lang of LANGS) {
      // The briefing's own source: the note in its provenance strip opens in place.
      await open(page, `/${lang}/briefings/miami-mediators-meeting/`);
      expect(await page.isVisible('#date-note')).toBe(false);
      await page.tap('.source-key a.est[href="#date-note"]');
      expect(await page.isVisible('#date-note')).toBe(true);
      expect(await page.textContent('#date-note')).toBe(why(lang));
      // Elsewhere a mark leads to the explanation: a source's own note, or the About page's dates.
      for (const [path, mark] of [[`/${lang}/`, '.card a.est'], [`/${lang}/sources/`, '.index-list a.est'], [`/${lang}/topics/turkey/`, '.stance a.est'], [`/${lang}/timeline/`, '.timeline a.est'], [`/${lang}/briefings/isf-overview/`, '.source-key a.est']] as const) {
        await open(page, path);
        await Promise.all([page.waitForURL((url) => url.hash !== ''), page.tap(mark)]);
        await page.waitForLoadState('load');
        const hash = new URL(page.url()).hash;
        expect(['#date-note', '#dates'], `${path} → ${page.url()}`).toContain(hash);
        expect(await page.isVisible(hash), `${path} → ${page.url()}`).toBe(true);
        if (hash === '#date-note') expect(await page.textContent('#date-note')).toBe(why(lang));
      }
    }
    await context.close();
  });
});

/** A phone without script, for walking timeline pages: base-aware paths, links followed, event dates read. */
async function timelineWalk() {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const at = (path: string) => `${BASE.replace(/\/$/, '')}${path}`;
  // A link to another page: wait for it to load before reading it.
  const follow = async (selector: string) => { await page.click(selector); await page.waitForLoadState('load'); };
  const dates = async () => page.$$eval('.timeline__item time', (els) => els.map((el) => el.getAttribute('datetime')!));
  return { context, page, at, follow, dates };
}

describe('the timeline says what happened', () => {
  it('plans whose date passed before the newest source, unconfirmed, say "not confirmed"; later plans stay "planned"', async () => {
    const page = await phone();
    for (const lang of LANGS) {
      await open(page, `/${lang}/timeline/`);
      const items = await page.$$eval('.timeline__item', (els) =>
        els.map((el) => ({ date: el.querySelector('time')!.getAttribute('datetime')!, cls: el.className, status: el.querySelector('.status')!.textContent!.trim(), month: el.closest('section')!.querySelector('h2')!.textContent!.trim() })),
      );
      const label = (key: 'timeline.unconfirmed' | 'timeline.planned') => t(lang, key);
      // The Miami meeting (19 December 2025) and the 29 December meeting were planned; the newest
      // source is dated 24 January 2026 and none reports them: "not confirmed".
      for (const date of ['2025-12-19', '2025-12-29']) {
        const item = items.find((i) => i.date === date && i.cls.includes('timeline__item--unconfirmed'));
        expect(item?.status, `${lang} ${date}`).toBe(label('timeline.unconfirmed'));
      }
      // Planned for January 2026: the month had not ended by 24 January.
      expect(items.filter((i) => i.date === '2026-01').every((i) => i.status === label('timeline.planned'))).toBe(true);
      expect(items.some((i) => i.status === label('timeline.planned'))).toBe(true);
      // Newest first, under month headings.
      const dates = items.map((i) => i.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(new Set(items.map((i) => i.month)).size).toBeGreaterThan(5);
      // An outlet tag, not the briefing headline, says where each event comes from.
      const tags = await page.$$eval('.timeline__item .outlet-tag', (a) => a.map((x) => x.textContent!.trim()));
      expect(tags.length).toBe(items.length);
      expect(tags.every((tag) => tag.length < 60)).toBe(true);
      await open(page, `/${lang}/timeline/oldest/`);
      const oldest = await page.$$eval('.timeline__item time', (els) => els.map((el) => el.getAttribute('datetime')!));
      expect(oldest).toEqual([...dates].reverse().sort());
    }
    await page.context().close();
  });

  it('filters by status with a link, no script: only that status and its months show', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, '/en/timeline/');
    const visible = () => page.$$eval('.timeline__item', (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.className));
    const all = await visible();
    await page.click('a[href="#only-unconfirmed"]');
    const shown = await visible();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    expect(shown.every((c) => c.includes('--unconfirmed'))).toBe(true);
    const months = await page.$$eval('.tl-month', (els) => els.filter((el) => el.getClientRects().length > 0).length);
    expect(months).toBeLessThan(await page.$$eval('.tl-month', (els) => els.length));
    await page.click('a[href="#months"]');
    expect(await visible()).toEqual(all);
    await context.close();
  });

  it('filters by topic with a static page per topic, no script: only that topic\'s events, in both languages, with a way back', async () => {
    const { context, page, at, follow, dates } = await timelineWalk();
    for (const lang of LANGS) {
      const other = LANGS.find((l) => l !== lang)!;
      const expected = groupByMonth(eventsOfTopic(corpus!.timeline(lang), 'turkey'), 'newest').flatMap((m) => m.items.map((e) => e.date));
      expect(expected.length, lang).toBeGreaterThan(0);
      await open(page, `/${lang}/timeline/`);
      const all = (await dates()).length;
      // Every topic is in the folded A–Z list (Turkey, with few events, only there).
      await page.click('.topic-filter summary');
      await follow(`.topic-filter li a[href="${at(`/${lang}/timeline/topics/turkey/`)}"]`);
      expect(new URL(page.url()).pathname).toBe(at(`/${lang}/timeline/topics/turkey/`));
      expect(await dates()).toEqual(expected);
      expect(expected.length).toBeLessThan(all);
      expect(await page.textContent('h1')).toContain(corpus!.topics.get('turkey')!.record.name[lang]);
      expect(await page.$$eval('.tl-month h2', (els) => els.length)).toBeGreaterThan(0);
      expect(await page.getAttribute('.topic-filter a[aria-current="page"]', 'href')).toBe(at(`/${lang}/timeline/topics/turkey/`));
      // The other language's copy of the same filtered page.
      expect(await page.getAttribute(`a[data-lang-switch="${other}"]`, 'href')).toBe(at(`/${other}/timeline/topics/turkey/`));
      // Oldest first keeps the topic.
      await follow(`.tl-controls a[href="${at(`/${lang}/timeline/topics/turkey/oldest/`)}"]`);
      expect(await dates()).toEqual(groupByMonth(eventsOfTopic(corpus!.timeline(lang), 'turkey'), 'oldest').flatMap((m) => m.items.map((e) => e.date)));
      // Back to every event, in the same order.
      await follow(`.topic-filter a[href="${at(`/${lang}/timeline/oldest/`)}"]`);
      expect((await dates()).length, page.url()).toBe(all);
      // A topic's page links to the A–Z list of the full timeline, which opens at that address.
      await open(page, `/${lang}/timeline/topics/turkey/`);
      await follow(`.topic-filter a[href="${at(`/${lang}/timeline/`)}#topic-index"]`);
      expect(await page.isVisible(`#topic-index a[href="${at(`/${lang}/timeline/topics/turkey/`)}"]`)).toBe(true);
      // The topic page leads to its filtered timeline.
      await open(page, `/${lang}/topics/turkey/`);
      await follow(`#dated ~ p a[href="${at(`/${lang}/timeline/topics/turkey/`)}"]`);
      expect(await dates()).toEqual(expected);
    }
    await context.close();
  });

  it('each month has its own page to cite, reached from the timeline, with its counterpart and the months around it', async () => {
    const { context, page, at, follow, dates } = await timelineWalk();
    for (const lang of LANGS) {
      const other = LANGS.find((l) => l !== lang)!;
      const december = groupByMonth(corpus!.timeline(lang), 'oldest').find((m) => m.month === '2025-12')!.items.map((e) => e.date);
      await open(page, `/${lang}/timeline/`);
      // The month heading is the link to the month's page.
      await follow(`#m-2025-12 a[href="${at(`/${lang}/timeline/2025-12/`)}"]`);
      expect(new URL(page.url()).pathname).toBe(at(`/${lang}/timeline/2025-12/`));
      expect(await dates()).toEqual(december);
      expect(await page.textContent('h1')).toContain(t(lang, 'timeline.monthTitle', { month: '' }).trim());
      expect(await page.getAttribute(`a[data-lang-switch="${other}"]`, 'href')).toBe(at(`/${other}/timeline/2025-12/`));
      // The header says the reader is in the Timeline (the section, not this page), and shows it.
      const nav = page.locator(`.site-nav a[href="${at(`/${lang}/timeline/`)}"]`);
      expect(await nav.getAttribute('aria-current')).toBe('true');
      expect(Number(await nav.evaluate((a) => getComputedStyle(a).fontWeight))).toBeGreaterThanOrEqual(700);
      expect(await page.locator('.site-nav a[aria-current]').count()).toBe(1);
      // Its status filter counts this page and filters it, without a script.
      expect(await page.textContent('.tl-controls a[href="#months"]')).toContain(`(${december.length})`);
      await page.click('a[href="#only-unconfirmed"]');
      const shown = await page.$$eval('.timeline__item', (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.className));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(december.length);
      expect(shown.every((c) => c.includes('--unconfirmed'))).toBe(true);
      // The months before and after, and the way back.
      await follow(`.tl-pager a[href="${at(`/${lang}/timeline/2026-01/`)}"]`);
      expect((await dates()).every((d) => d.startsWith('2026-01'))).toBe(true);
      await follow(`.tl-pager a[href="${at(`/${lang}/timeline/2025-12/`)}"]`);
      await follow(`.tl-pager a[href="${at(`/${lang}/timeline/`)}"]`);
      expect(new URL(page.url()).pathname).toBe(at(`/${lang}/timeline/`));
    }
    await context.close();
  });

  it('the home page lists distinct latest events, at most two per briefing, with outlet tags', async () => {
    const page = await phone();
    for (const lang of LANGS) {
      await open(page, `/${lang}/`);
      const tags = await page.$$eval('#timeline-excerpt ~ .timeline .outlet-tag', (a) => a.map((x) => x.getAttribute('href')));
      expect(tags.length).toBe(5);
      for (const href of new Set(tags)) expect(tags.filter((x) => x === href).length).toBeLessThanOrEqual(2);
    }
    await page.context().close();
  });
});

describe('no dead ends', () => {
  it.each(LANGS)('/%s/briefings/ and /%s/sources/ list everything, newest first, with outlet and date', async (lang) => {
    const page = await phone();
    await open(page, `/${lang}/briefings/`);
    const briefings = await page.$$eval('.index-list li', (lis) => lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, meta: li.querySelector('.meta')!.textContent!, date: li.querySelector('time')!.getAttribute('datetime')! })));
    expect(briefings.map((b) => b.href.replace(/^.*\/briefings\/([^/]+)\/$/, '$1')).sort()).toEqual([...BRIEFINGS].sort());
    const dates = briefings.map((b) => b.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const b of briefings) expect(b.meta).toMatch(/·/);
    // A source dated by a window shows the window, never a false precise day.
    const pakistan = briefings.find((b) => b.href.includes('pakistan-pivotal-role'))!;
    expect(pakistan.meta).toContain(t(lang, 'date.between', { start: '', end: '' }).trim().split(' ')[0]!);
    await open(page, `/${lang}/sources/`);
    const sources = await page.$$eval('.index-list li > a', (as) => as.map((a) => a.getAttribute('href')!.replace(/^.*\/sources\/([^/]+)\/$/, '$1')));
    expect(sources.sort()).toEqual([...corpus!.sources.keys()].sort());
    const outlets = await page.$$eval('.index-list .meta', (m) => m.map((x) => x.textContent!));
    for (const s of corpus!.sources.values()) expect(outlets.some((m) => m.includes(s.outlet[lang]))).toBe(true);
    await page.context().close();
  });

  it('the 404 page has the site header, a search box that works and the Arabic face, in both languages', async () => {
    const res = await fetch(site.server.url('/ar/no-such-page/'));
    expect(res.status).toBe(404);
    const page = await phone();
    await page.goto(site.server.url('/ar/no-such-page/'));
    await page.evaluate(() => document.fonts.ready);
    const chrome = await page.evaluate(() => ({
      names: [...document.querySelectorAll('header.site-header .site-name')].map((a) => a.getAttribute('lang')),
      forms: [...document.querySelectorAll('form[role="search"]')].map((f) => ({ lang: f.closest('[lang]')!.getAttribute('lang'), action: f.getAttribute('action') })),
      arabicFont: getComputedStyle(document.querySelector('section[lang="ar"] h1')!).fontFamily,
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    }));
    expect(chrome.names).toEqual(['ar', 'en']);
    expect(chrome.forms.map((f) => f.lang)).toEqual(['ar', 'en']);
    expect(chrome.forms[0]!.action).toMatch(/\/ar\/search\/$/);
    expect(chrome.forms[1]!.action).toMatch(/\/en\/search\/$/);
    expect(chrome.arabicFont).toMatch(/naskh/i);
    expect(chrome.loaded.some((f) => /naskh/i.test(f))).toBe(true);
    await page.fill('#q-en', 'Turkey');
    await page.press('#q-en', 'Enter');
    await page.waitForURL(/\/en\/search\/\?q=Turkey/);
    await page.context().close();
  });

  it('one search box per screen (the bilingual 404 has one per language), and its placeholder fits', async () => {
    const page = await phone();
    const laptop = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const p of [page, laptop]) {
      for (const lang of LANGS) {
        for (const path of [`/${lang}/`, `/${lang}/search/`, `/${lang}/briefings/isf-overview/`, `/${lang}/timeline/`, `/${lang}/no-such-page/`]) {
          if (path.includes('no-such-page')) await p.goto(site.server.url(path));
          else await open(p, path);
          const boxes = await p.$$eval('input[type="search"]', (inputs) =>
            inputs.filter((i) => i.getClientRects().length > 0).map((input) => {
              const style = getComputedStyle(input);
              const ctx = document.createElement('canvas').getContext('2d')!;
              ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
              const room = input.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
              return { id: input.id, text: ctx.measureText((input as HTMLInputElement).placeholder).width, room };
            }),
          );
          expect(boxes.length, `${path}: search boxes`).toBe(path.includes('no-such-page') ? 2 : 1);
          for (const b of boxes) expect(b.text, `${path} #${b.id} placeholder`).toBeLessThanOrEqual(b.room);
        }
      }
    }
    await page.context().close();
    await laptop.close();
  });

  it('a corrections address from one setting, on About and at the end of every briefing', async () => {
    const page = await phone();
    for (const lang of LANGS) {
      for (const path of [`/${lang}/about/`, ...BRIEFINGS.map((id) => `/${lang}/briefings/${id}/`)]) {
        await open(page, path);
        const mailto = await page.$$eval('a[href^="mailto:"]', (a) => a.map((x) => x.getAttribute('href')!));
        expect(mailto.length, path).toBe(1);
        expect(mailto[0]!.split('?')[0]).toBe(`mailto:${CORRECTIONS_EMAIL}`);
        expect(decodeURIComponent(mailto[0]!)).toContain(path);
      }
    }
    await page.context().close();
  });
});

describe('finding your way on a phone', () => {
  it('a collapsed contents list under the intro reaches every section; back to top returns', async () => {
    const page = await phone();
    for (const lang of LANGS) {
      await open(page, `/${lang}/briefings/miami-mediators-meeting/`);
      const order = await page.evaluate(() => {
        const y = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
        return { contents: y('.contents'), strip: y('.provenance'), keyPoints: y('#key-points'), open: document.querySelector('.contents details')!.hasAttribute('open') };
      });
      expect(order.open).toBe(false);
      // Back to top is out of the way until the reader has scrolled.
      expect(await page.$eval('.to-top', (a) => getComputedStyle(a).visibility)).toBe('hidden');
      expect(order.contents).toBeGreaterThan(order.strip);
      expect(order.contents).toBeLessThan(order.keyPoints);
      const targets = await page.$$eval('.contents a', (a) => a.map((x) => x.getAttribute('href')!));
      for (const id of ['#key-points', '#source-key', '#summary', '#why-it-matters', '#open-questions', '#events']) expect(targets).toContain(id);
      await page.click('.contents summary');
      await page.click('.contents a[href="#open-questions"]');
      await page.waitForFunction(() => scrollY > 500);
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.to-top')!).visibility === 'visible');
      await page.click('.to-top');
      await page.waitForFunction(() => scrollY < 5);
    }
    await page.context().close();
  });

  it('a source paragraph reached from a citation links back to the briefings that cite it', async () => {
    const page = await phone();
    await open(page, '/ar/briefings/isf-overview/');
    const href = await page.getAttribute('.key-points .cites a[href*="miami-mediators-meeting"]', 'href');
    // On a phone the first tap on a citation opens its preview, the second follows the link.
    const citation = page.locator(`.key-points .cites a[href="${href}"]`).first();
    await citation.evaluate((a) => a.scrollIntoView({ block: 'center' }));
    const box = (await citation.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(`**${href}`);
    const back = await page.$$eval(':target .para__back a', (a) => a.filter((x) => x.getClientRects().length > 0).map((x) => x.getAttribute('href')!));
    expect(back.some((h) => h.endsWith('/ar/briefings/isf-overview/#key-points'))).toBe(true);
    expect(back.some((h) => h.includes('/ar/briefings/miami-mediators-meeting/'))).toBe(true);
    // Paragraphs not reached from a citation keep to the text.
    expect(await page.$$eval('.para:not(:target) .para__back', (p) => p.filter((x) => x.getClientRects().length > 0).length)).toBe(0);
    await page.context().close();
  });

  it('topic stances are stacked cards on a phone: outlet, date, what it says, citations', async () => {
    const page = await phone();
    await open(page, '/en/topics/turkey/');
    const cards = await page.$$eval('.stance', (els) => els.map((el) => ({ who: el.querySelector('.stance__who a')!.textContent, date: !!el.querySelector('time'), cites: el.querySelectorAll('.cites a').length, width: el.getBoundingClientRect().width, textWidth: el.querySelector('.stance__text')!.getBoundingClientRect().width })));
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) {
      expect(c.date).toBe(true);
      expect(c.cites).toBeGreaterThan(0);
      // The text takes the card's width, not a third of a table.
      expect(c.textWidth).toBeGreaterThan(c.width * 0.8);
    }
    await page.context().close();
  });
});
