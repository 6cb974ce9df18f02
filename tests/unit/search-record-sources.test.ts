import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/index.ts';
import { loadCorpus, type Briefing } from '../../src/lib/corpus/index.ts';
import { DocumentsCache } from '../../src/lib/search/documents-cache.ts';
import { languageRecordSources, type RecordSource } from '../../src/lib/search/records.ts';

// The site's own content: every page's record source, by language.
const { corpus } = loadCorpus();
const sources = LANGS.flatMap((lang) => [...languageRecordSources(corpus, lang)].map((s) => [lang, s] as const));

describe('search record sources (records.ts): what the documents cache keys a page on', () => {
  it.each(['briefing', 'source', 'topic'] as const)('%s pages: the record made has the URL, type and topics given before it is made', (type) => {
    const ofType = sources.filter(([, s]) => s.type === type);
    expect(ofType.length).toBeGreaterThan(0);
    for (const [lang, s] of ofType) {
      const record = s.record();
      expect({ lang: record.lang, url: record.url, type: record.type, topics: record.topics }).toEqual({ lang, url: s.url, type: s.type, topics: s.topics });
      // Its inputs name the language, the URL and the page's own record (hashed once per build).
      expect(s.inputs.slice(0, 3)).toEqual([lang, s.url, type]);
      expect(s.inputs[3]).toMatchObject({ id: record.id });
    }
  });

  // A heading is shown as a result's meta line («What the sources say about Turkey»): a UI string
  // with its placeholder left in ("about {name}") reached readers once.
  it('every section heading and title has its placeholders filled', () => {
    const unfilled = sources.flatMap(([lang, s]) => {
      const record = s.record();
      return [record.title, ...record.sections.map((section) => section.heading)].filter((text) => /\{\w+\}/.test(text ?? '')).map((text) => `${lang} ${s.url}: ${text}`);
    });
    expect(unfilled).toEqual([]);
  });

  it('one record source per page, in each language', () => {
    for (const lang of LANGS) {
      const urls = sources.filter(([l]) => l === lang).map(([, s]) => s.url);
      expect(new Set(urls).size).toBe(urls.length);
      expect(urls.length).toBe(corpus.briefings[lang].length + corpus.sources.size + corpus.topics.size);
    }
  });
});

describe('search documents cache keys (documents-cache.ts keyOf)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'search-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cache = new DocumentsCache(dir, 'code\0names');
  const other = new DocumentsCache(dir, 'other code\0names');
  const briefingSource = sources.find(([lang, s]) => lang === 'en' && s.type === 'briefing')![1];
  const briefing = briefingSource.inputs[3] as Briefing;
  // A copy of the page's inputs with one thing changed: a copy of a record is another record to
  // the hash (hashed by its content), so each case below is compared with an unchanged copy.
  const withInputs = (change: (inputs: unknown[]) => void): RecordSource['inputs'] => {
    const inputs = [...briefingSource.inputs];
    inputs[3] = { ...briefing };
    change(inputs);
    return inputs;
  };
  const unchanged = cache.keyOf(withInputs(() => {}));

  it.each<[string, boolean, (inputs: unknown[]) => void]>([
    ['nothing (another copy of the same briefing)', false, () => {}],
    ['the briefing’s body', true, (i) => (i[3] = { ...briefing, html: `${briefing.html}<p>more</p>` })],
    ['the briefing’s title', true, (i) => (i[3] = { ...briefing, data: { ...briefing.data, title: `${briefing.data.title}!` } })],
    ['an event’s text', briefing.events.length > 0, (i) => (i[3] = { ...briefing, events: briefing.events.map((e, n) => (n === 0 ? { ...e, html: `${e.html}.` } : e)) })],
    ['the outlets', true, (i) => (i[4] = [...(i[4] as string[]), 'Another outlet'])],
    ['the URL (another base)', true, (i) => (i[1] = `/base${String(i[1])}`)],
    ['the language', true, (i) => (i[0] = 'ar')],
  ])('changed: %s; a new key: %s', (_name, changes, change) => {
    expect(cache.keyOf(withInputs(change)) !== unchanged).toBe(changes);
  });

  it('another code or other topic names: a new key for the same inputs', () => {
    expect(other.keyOf(withInputs(() => {}))).not.toBe(unchanged);
  });
});
