/** "What is new": entries from content dates only, newest first, events capped, sources folded into their briefing. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { pageCacheKey, pageKey, parsePageReads, recordPage, savePageDeps, startPageDeps, trackedCorpus } from '../../src/lib/corpus/page-deps.ts';
import { whatsNew, type NewsEntry } from '../../src/lib/whats-new.ts';
import { MINI } from '../helpers/fixture.ts';
import { UPDATE_DATE, updatedFixture } from '../helpers/updated-fixture.ts';

let fixture: ReturnType<typeof updatedFixture> | undefined;
afterEach(() => fixture?.cleanup());

const summary = (e: NewsEntry) => [e.kind, e.date, e.kind === 'source' ? e.source.id : e.kind === 'event' ? e.event.briefing : e.briefing.id];

describe('what is new', () => {
  it('on the mini fixture: the briefing (its only source folded in) and its event, newest first', () => {
    const corpus = loadCorpus(MINI).corpus!;
    const entries = whatsNew(corpus, 'en');
    expect(entries.map(summary)).toEqual([
      ['event', '2025-11-17', 'sample'],
      ['briefing', '2025-10-30', 'sample'],
    ]);
    expect(entries[1]!.kind === 'briefing' && entries[1]!.source?.id).toBe('sample');
  });

  it('after a follow-up report: the update comes first, and sources that are no briefing\'s only source are listed', () => {
    fixture = updatedFixture();
    const corpus = loadCorpus(fixture.root).corpus!;
    for (const lang of ['ar', 'en'] as const) {
      expect(whatsNew(corpus, lang).map(summary)).toEqual([
        ['update', UPDATE_DATE, 'sample'],
        ['source', UPDATE_DATE, 'followup'],
        ['event', '2025-11-17', 'sample'],
        ['briefing', '2025-10-30', 'sample'],
        // The briefing now rests on two sources, so its first source is listed on its own.
        ['source', '2025-10-30', 'sample'],
      ]);
    }
  });

  it('on the real corpus: dated entries, newest first, at most three events, every briefing date known', () => {
    const corpus = loadCorpus().corpus!;
    for (const lang of ['ar', 'en'] as const) {
      const entries = whatsNew(corpus, lang, { limit: 8, maxEvents: 3 });
      expect(entries).toHaveLength(8);
      const dates = entries.map((e) => e.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(entries.filter((e) => e.kind === 'event').length).toBeLessThanOrEqual(3);
      // The newest briefing of the language is in the list.
      expect(entries.some((e) => e.kind === 'briefing' && e.briefing.id === corpus.briefings[lang][0]!.id)).toBe(true);
    }
  });

  it('the corpus\'s whatsNew gives the same entries, and a page reading it records that one call, not every briefing', async () => {
    fixture = updatedFixture();
    const corpus = loadCorpus(fixture.root).corpus!;
    for (const lang of ['ar', 'en'] as const) {
      expect(corpus.whatsNew(lang)).toEqual(whatsNew(corpus, lang));
      expect(corpus.whatsNew(lang, 2, 1)).toEqual(whatsNew(corpus, lang, { limit: 2, maxEvents: 1 }));
    }
    const dir = mkdtempSync(join(tmpdir(), 'whats-new-reads-'));
    try {
      const home = pageKey('/[lang]', { lang: 'en' });
      startPageDeps(join(dir, 'reads.json'));
      pageCacheKey(corpus, home);
      await recordPage(home, async () => {
        trackedCorpus(corpus).whatsNew('en');
        return new Response('<html></html>');
      });
      savePageDeps(corpus, join(dir, 'no-astro-manifest.json'));
      const reads = parsePageReads(readFileSync(join(dir, 'reads.json'), 'utf8')).reads;
      expect(reads[home]).toEqual(['call whatsNew ["en"]']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
