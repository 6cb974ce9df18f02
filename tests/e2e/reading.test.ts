/**
 * Reading on a phone and a laptop (issue 12): citations that name their outlet and stay with
 * their words, touch-sized citation targets, and the pages a reader moves between.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { LANGS } from '../../src/i18n/locales.ts';

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
        return { cls: section.className, outlets: [...section.querySelectorAll('dt')].map((dt) => dt.textContent), links: [...section.querySelectorAll('dd a')].map((a) => a.getAttribute('href')) };
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
        const rects = [...document.querySelectorAll('.cites a')].flatMap((a) => [...a.getClientRects()]);
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
