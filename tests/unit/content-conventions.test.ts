/**
 * Editorial conventions over the real content (docs/editorial-guide.md): parity is enforced by
 * the loader; these check what a loader cannot call an error but an editor must fix.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { LANGS } from '../../src/i18n/locales.ts';

const { corpus, problems } = loadCorpus();
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
/** Our own voice: text outside quotation marks (sources' words inside quotes are theirs). */
const ownVoice = (text: string) => text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, ' ');

function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  if (start < 0) return '';
  const next = html.indexOf('<h2', start + 5);
  return html.slice(start, next < 0 ? undefined : next).replace(/<h2[^>]*>.*?<\/h2>/, '');
}

describe('content conventions', () => {
  it('the content loads without problems', () => {
    expect(problems).toEqual([]);
  });

  const briefings = LANGS.flatMap((lang) => corpus!.briefings[lang]);
  const texts = briefings.map((b) => ({ b, text: plain([b.data.title, b.data.dek, ...b.keyPoints.map((k) => k.html), b.html, ...b.events.map((e) => e.html)].join(' ')) }));

  it('uses Western digits in both languages', () => {
    const eastern = texts.filter(({ text }) => /[٠-٩۰-۹]/.test(text)).map(({ b }) => b.file);
    const topics = [...corpus!.topics.values()].filter((t) => /[٠-٩۰-۹]/.test(JSON.stringify(t.record))).map((t) => t.file);
    expect([...eastern, ...topics]).toEqual([]);
  });

  it.each([
    ['ar', /ترمب|البنتاجون|أميرك/],
    ['en', /\bErdogan\b|\bTürkiye\b|\bStabilisation Force\b/],
  ] as const)('%s: canonical spellings in our own voice', (lang, variants) => {
    const found = texts.filter(({ b }) => b.lang === lang).flatMap(({ b, text }) => (ownVoice(text).match(new RegExp(variants, 'g')) ?? []).map((m) => `${b.file}: ${m}`));
    expect(found).toEqual([]);
  });

  it('each source briefing has 3–6 key points and the three sections', () => {
    for (const b of briefings.filter((x) => x.data.sources.length >= 1 && x.id !== 'isf-overview')) {
      expect(b.keyPoints.length, b.file).toBeGreaterThanOrEqual(3);
      expect(b.keyPoints.length, b.file).toBeLessThanOrEqual(6);
      expect(b.headings.filter((h) => h.level === 2).map((h) => h.id), b.file).toEqual(['summary', 'why-it-matters', 'open-questions']);
    }
  });

  it('summaries run 200–400 words in English and 150–400 in Arabic (Arabic attaches particles)', () => {
    const outOfRange = briefings
      .filter((b) => b.id !== 'isf-overview')
      .map((b) => ({ file: b.file, words: plain(section(b.html, 'summary')).split(' ').filter((w) => /\p{L}/u.test(w)).length, min: b.lang === 'en' ? 200 : 150 }))
      .filter((x) => x.words < x.min || x.words > 400);
    expect(outOfRange).toEqual([]);
  });

  it('every topic has names and a description in both languages, and at least 35 topics exist', () => {
    expect(corpus!.topics.size).toBeGreaterThanOrEqual(35);
    for (const t of corpus!.topics.values()) for (const lang of LANGS) expect(t.record.description[lang].split(/\s+/).length, t.file).toBeGreaterThan(8);
  });

  it('every topic is linked from at least one briefing', () => {
    const orphans = [...corpus!.topics.keys()].filter((id) => corpus!.backlinks('en', id).length === 0);
    expect(orphans).toEqual([]);
  });
});
