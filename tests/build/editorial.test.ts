/**
 * What readers see of the editorial checks: a headline of ours is labeled as ours wherever it is
 * presented as the source's; a language version that lags behind tells readers so until an
 * editor aligns it again; a seed's direction controls never reach the page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { BUILDS, readSite } from '../helpers/site.ts';
import { copyFixture } from '../helpers/fixture.ts';
import { alignBriefing, alignTranslation } from '../../src/lib/editorial/align.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';

const corpus = loadCorpus().corpus!;

const LABEL = { ar: 'العنوان من وضع المحررين', en: 'headline by our editors' } as const;

describe.each(BUILDS)('editorial marks in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);

  it('our headline is labeled ours on the source page, in the briefing and on topic pages; the documents\' own are not', () => {
    for (const lang of ['ar', 'en'] as const) {
      for (const id of ['pakistan-pivotal-role', 'italy-founding-member']) {
        expect(site.pages.get(`/${lang}/sources/${id}/`)!.querySelector('h1')!.text, `${lang} ${id}`).toContain(LABEL[lang]);
        expect(site.pages.get(`/${lang}/briefings/${id}/`)!.text, `${lang} ${id}`).toContain(LABEL[lang]);
      }
      // Topic pages name a stance's source by its outlet and date, not its headline (issue 12);
      // wherever a headline of ours does appear there, so does the label.
      const topic = site.pages.get(`/${lang}/topics/pakistan/`)!.text;
      if (topic.includes(corpus.sources.get('pakistan-pivotal-role')!.record.headline[lang])) expect(topic).toContain(LABEL[lang]);
      // Structured data never gives our headline as the document's own.
      const report = JSON.parse(site.pages.get(`/${lang}/sources/italy-founding-member/`)!.querySelector('script[type="application/ld+json"]')!.text) as { headline?: string; name?: string };
      expect(report.headline).toBeUndefined();
      expect(report.name).toContain(LABEL[lang]);
      for (const id of ['us-plan-international-force', 'pentagon-peacekeeping-funding', 'miami-mediators-meeting']) {
        expect(site.pages.get(`/${lang}/sources/${id}/`)!.text, `${lang} ${id}`).not.toContain(LABEL[lang]);
      }
    }
  });

  it('no page says a language version lags: the published content is aligned', () => {
    const lagging = [...site.pages].filter(([, doc]) => doc.querySelector('[data-lag]')).map(([path]) => path);
    expect(lagging).toEqual([]);
  });
});

describe('a language version that lags behind, on the page', () => {
  const work = mkdtempSync(join(tmpdir(), 'briefings-lag-'));
  const fixture = copyFixture();
  afterAll(() => {
    fixture.cleanup();
    rmSync(work, { recursive: true, force: true });
  });
  const build = (name: string) => {
    const out = join(work, name);
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...process.env, BRIEFING_ROOT: fixture.root, OUT_DIR: out, CARDS_CACHE: join(work, 'cards'), SEARCH_CACHE: join(work, 'search') }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return (path: string) => parse(readFileSync(join(out, path, 'index.html'), 'utf8'));
  };

  it('shows a localized note on both sides until the editor aligns them; a seed\'s controls never reach the page', () => {
    alignBriefing(fixture.root, 'sample', '2025-12-01');
    alignTranslation(fixture.root, 'sample', '2025-12-01');
    fixture.edit('content/briefings/ar/sample.md', (t) => t.replace('وأضافت المصادر تاريخًا', 'وأضافت المصادر أيضًا تاريخًا'));
    fixture.edit('seeds/sample.txt', (t) => t.replace('تركيا', '\u202Eتركيا\u202C'));
    const stale = build('stale');
    const note = (page: ReturnType<typeof stale>) => page.querySelectorAll('[data-lag]').map((n) => `${n.getAttribute('data-lag')}: ${n.text}`);
    expect(note(stale('en/briefings/sample'))).toEqual(['behind: The Arabic version of this briefing was revised after it was last checked against this one, so this page may not reflect those changes yet.']);
    expect(note(stale('ar/briefings/sample'))).toEqual(['ahead: عُدِّلت هذه الإحاطة بعد آخر مقارنة بينها وبين النسخة الإنجليزية، فقد لا تعكس تلك النسخة التعديلات بعد.']);
    expect(note(stale('en/sources/sample'))).toEqual(['behind: The Arabic text changed after this translation was last checked against it, so the translation may lag behind.']);
    expect(note(stale('ar/sources/sample'))).toHaveLength(1);
    for (const lang of ['ar', 'en']) expect(readFileSync(join(work, 'stale', lang, 'sources/sample/index.html'), 'utf8')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

    alignBriefing(fixture.root, 'sample', '2026-01-01');
    alignTranslation(fixture.root, 'sample', '2026-01-01');
    const aligned = build('aligned');
    for (const path of ['en/briefings/sample', 'ar/briefings/sample', 'en/sources/sample', 'ar/sources/sample']) expect(note(aligned(path)), path).toEqual([]);
  }, 240_000);
});
