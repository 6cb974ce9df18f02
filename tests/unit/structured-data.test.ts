import { describe, expect, it } from 'vitest';
import { briefingJsonLd, serializeJsonLd, sourceJsonLd, topicJsonLd } from '../../src/lib/structured-data.ts';
import type { Briefing, Source, Topic } from '../../src/lib/corpus/model.ts';

const ctx = { site: 'https://example.org' };
const source = (published: Partial<Source['record']['published']>): Source => ({
  id: 'report',
  file: 'content/sources/report.yaml',
  paragraphs: [],
  translation: new Map(),
  outlet: { ar: 'أكسيوس', en: 'Axios' },
  translationAlignment: { state: 'aligned', on: '2026-01-01', rev: '0123456789ab', file: 'content/sources/report.en.yaml', line: 1 },
  record: {
    seed: 'report.txt',
    headline: { ar: 'عنوان', en: 'Headline', byEditors: false },
    publisher: { name: { ar: 'ناشر', en: 'Publisher' } },
    original: [{ topic: 'axios', name: { ar: 'أكسيوس', en: 'Axios' }, date: '2025-12-16' }],
    published: { date: '2025-12-17', precision: 'day', confidence: 'high', inferred: false, ...published },
  },
});
const topic: Topic = { id: 'turkey', file: 'content/topics/turkey.yaml', record: { kind: 'country', name: { ar: 'تركيا', en: 'Turkey' }, aliases: { ar: [], en: ['Türkiye'] }, avoid: { ar: {}, en: {} }, description: { ar: 'د', en: 'A country.' }, related: [], stances: [] } };
const briefing = { id: 'report', lang: 'en', data: { title: 'T', dek: 'D', date: '2025-12-17', sources: ['report'], topics: ['turkey'] } } as unknown as Briefing;

describe('structured data', () => {
  it.each([
    ['not updated', undefined, undefined],
    ['updated', '2026-01-02', '2026-01-02'],
    ['"updated" on the day it was published', '2025-12-17', undefined],
  ])('briefing dateModified: %s', (_name, dateModified, expected) => {
    expect(briefingJsonLd(ctx, { briefing, sources: [source({})], topics: [topic], dateModified }).dateModified).toBe(expected);
  });

  it('briefing links its source and topic nodes by @id', () => {
    const node = briefingJsonLd(ctx, { briefing, sources: [source({})], topics: [topic] });
    expect(node).toMatchObject({
      '@type': 'Article', inLanguage: 'en', datePublished: '2025-12-17',
      isBasedOn: [{ '@id': 'https://example.org/en/sources/report/#report' }],
      about: [{ '@id': 'https://example.org/en/topics/turkey/#entity' }],
    });
    expect((node.about as object[])[0]).not.toHaveProperty('name');
  });

  it.each([
    ['printed date', false, '2025-12-17', 'confidence: high'],
    ['inferred date', true, undefined, 'estimated date — confidence: high — how'],
  ])('source with a %s', (_name, inferred, datePublished, description) => {
    const node = sourceJsonLd(ctx, 'en', source({ inferred, ...(inferred ? { note: { ar: 'كيف', en: 'how' } } : {}) }));
    expect(node.datePublished).toBe(datePublished);
    expect(node.publication).toEqual({ '@type': 'PublicationEvent', startDate: '2025-12-17', description });
    expect(node.isBasedOn).toEqual([{ '@type': 'NewsArticle', datePublished: '2025-12-16', publisher: { '@type': 'NewsMediaOrganization', name: 'Axios', '@id': 'https://example.org/en/topics/axios/#entity', url: 'https://example.org/en/topics/axios/' } }]);
  });

  it('topic entity with aliases', () => {
    expect(topicJsonLd(ctx, 'en', topic)).toMatchObject({ '@type': 'Country', name: 'Turkey', alternateName: ['Türkiye'], description: 'A country.' });
  });

  it('serialised JSON cannot close its script element', () => {
    expect(serializeJsonLd({ name: '</script><b>' })).toBe('{"name":"\\u003c/script>\\u003cb>"}');
  });
});
