/**
 * Printing a briefing: Chromium prints an Arabic and an English briefing to A4 PDF, and the
 * PDF's own text (pdftotext, from poppler-utils) is checked: title, address and date on the
 * printout, no site chrome, and the cited paragraphs listed with their texts at the end.
 * PNGs of the pages are written beside the PDFs (test-results/print/) for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, DIST, useServedSite } from '../helpers/served-site.ts';
import { readSite } from '../helpers/site.ts';
import { t, type Lang } from '../../src/i18n/index.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { briefingCitations } from '../../src/lib/print-references.ts';

const BRIEFING = 'italy-founding-member';
const OUT = 'test-results/print';
const served = useServedSite();
beforeAll(() => mkdirSync(OUT, { recursive: true }));

/**
 * Text compared without whitespace, bidi controls and punctuation: lines break anywhere on paper,
 * and pdftotext splits Arabic words where a line's glyph runs end, wraps runs in embeddings and
 * places neutral punctuation and Arabic vowel marks of a right-to-left run by its own reading.
 */
const squash = (s: string) => s.replace(/[\s\u064b-\u065f\u0670\u200e\u200f\u202a-\u202e\u2066-\u2069،؛؟.,:;!?«»“”"'()]+/g, '');

async function printBriefing(lang: Lang): Promise<{ text: string; pages: string; file: string }> {
  const page = await served.browser.newPage();
  await page.goto(served.server.url(`/${lang}/briefings/${BRIEFING}/`), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const file = join(OUT, `briefing-${lang}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true });
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, `briefing-${lang}`)]);
  return {
    text: squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
    pages: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    file,
  };
}

describe.each(['ar', 'en'] as const)('printed briefing (%s)', (lang) => {
  let printed: Awaited<ReturnType<typeof printBriefing>>;
  const html = () => readSite(DIST, BASE).pages.get(`/${lang}/briefings/${BRIEFING}/`)!;
  beforeAll(async () => {
    printed = await printBriefing(lang);
  });

  it('is A4', () => {
    expect(printed.pages).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it('carries the title, the key points, the address and the date, without site chrome', () => {
    const doc = html();
    const title = doc.querySelector('h1')!.textContent.trim().split(/\s+/).slice(0, 3).join(' ');
    expect(printed.text).toContain(squash(title));
    expect(printed.text).toContain(squash(t(lang, 'briefing.keyPoints')));
    expect(printed.text).toContain(`${BASE}${lang}/briefings/${BRIEFING}/`);
    expect(printed.text).toContain(squash(doc.querySelector('header .provenance time')!.textContent));
    for (const chrome of [t(lang, 'site.name'), t(lang, 'skip.toContent'), t(lang, 'footer.note').slice(0, 25), t(lang, 'briefing.pager')]) {
      expect(printed.text, chrome).not.toContain(squash(chrome));
    }
  });

  it('lists every cited paragraph at the end: citation, address, original and (in English) translation', () => {
    const { corpus } = loadCorpus();
    const briefing = corpus.briefing(lang, BRIEFING)!;
    const refs = briefingCitations(briefing);
    expect(refs.length).toBeGreaterThan(3);
    const end = printed.text.slice(printed.text.lastIndexOf(squash(t(lang, 'print.references'))));
    expect(end.length, 'the references heading is printed').toBeLessThan(printed.text.length);
    // pdftotext reorders the runs of a right-to-left line, so Arabic is checked word by word.
    const arabicWords = (text: string) => text.split(/\s+/).map(squash).filter((w) => w.length >= 3).slice(0, 6);
    const englishStart = (text: string) => squash(text.split(/\s+/).slice(0, 6).join(' '));
    for (const ref of refs) {
      const source = corpus.sources.get(ref.source)!;
      expect(end, `${ref.source} ¶${ref.from}`).toContain(`${BASE}${lang}/sources/${ref.source}/#p${ref.from}`);
      for (let n = ref.from; n <= ref.to; n++) {
        for (const word of arabicWords(source.paragraphs.find((p) => p.n === n)!.text)) expect(end, `${ref.source} ¶${n}, original`).toContain(word);
        if (lang === 'en') expect(end, `${ref.source} ¶${n}, translation`).toContain(englishStart(source.translation.get(n)!));
      }
    }
  });
});
