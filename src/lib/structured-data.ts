/**
 * schema.org JSON-LD for briefings, source pages and topic pages, built from the corpus model
 * and nothing else (pure: the same content gives the same bytes). Each page embeds one object
 * (src/components/JsonLd.astro); tests/build/structured-data.test.ts parses every page's.
 *
 * Nodes have stable `@id`s (the page URL plus `#article`, `#report` or `#entity`), so a briefing's
 * `isBasedOn` and `about` point at the very nodes its source and topic pages describe.
 */
import { t, type Lang } from '../i18n/index.ts';
import type { TopicKind } from '../schemas/content.ts';
import type { Briefing, Source, Topic } from './corpus/model.ts';
import { absoluteUrl, href } from './urls.ts';

export type JsonLd = Record<string, unknown>;

/** Where the site lives: its absolute origin (`site`); `href` adds the configured base. */
export interface LdSite {
  site: string | URL;
}

const CONTEXT = 'https://schema.org';

/** schema.org type of each kind of topic. */
export const TOPIC_TYPES: Record<TopicKind, string> = {
  country: 'Country',
  organisation: 'Organization',
  person: 'Person',
  concept: 'DefinedTerm',
  place: 'Place',
  document: 'CreativeWork',
  outlet: 'NewsMediaOrganization',
};

const url = (ctx: LdSite, path: string) => absoluteUrl(path, ctx.site);

export const ids = {
  article: (ctx: LdSite, lang: Lang, id: string) => `${url(ctx, href.briefing(lang, id))}#article`,
  report: (ctx: LdSite, lang: Lang, id: string) => `${url(ctx, href.source(lang, id))}#report`,
  entity: (ctx: LdSite, lang: Lang, id: string) => `${url(ctx, href.topic(lang, id))}#entity`,
  site: (ctx: LdSite, lang: Lang) => `${url(ctx, href.home(lang))}#publisher`,
};

/** The site as publisher (and author) of its briefings. */
function siteOrganization(ctx: LdSite, lang: Lang): JsonLd {
  return { '@type': 'Organization', '@id': ids.site(ctx, lang), name: t(lang, 'site.name'), url: url(ctx, href.home(lang)) };
}

/**
 * Short references to the nodes of topic and source pages: type, name and `@id` (the page's URL
 * plus a fragment). Kept short on purpose: a briefing names dozens of topics, and its HTML counts
 * against the page-weight budget.
 */
function topicRef(ctx: LdSite, lang: Lang, topic: Topic): JsonLd {
  return { '@type': TOPIC_TYPES[topic.record.kind], '@id': ids.entity(ctx, lang, topic.id), name: topic.record.name[lang] };
}

/**
 * The document's own headline, or, when it has none, ours as a `name` labeled as ours: a headline
 * our editors wrote is never given as the document's `headline` (docs/editorial-guide.md §8).
 */
function reportTitle(lang: Lang, source: Source): JsonLd {
  const { headline } = source.record;
  if (headline.byEditors) return { name: `${headline[lang]} (${t(lang, 'source.headlineByEditors')})` };
  return { headline: headline.ar, ...(lang === 'ar' ? {} : { alternativeHeadline: headline[lang] }) };
}

function sourceRef(ctx: LdSite, lang: Lang, source: Source): JsonLd {
  const { alternativeHeadline: _ignored, ...title } = reportTitle(lang, source);
  return { '@type': 'NewsArticle', '@id': ids.report(ctx, lang, source.id), ...title };
}

export interface BriefingLdInput {
  briefing: Briefing;
  sources: Source[];
  topics: Topic[];
  /** Absolute URL of the briefing's social card. */
  image?: string | undefined;
  /**
   * Date of the latest update (ISO), when the briefing has been updated since it was published.
   * The update log (issue 17) supplies it; without one the node carries no dateModified.
   */
  dateModified?: string | undefined;
}

/** An Article node for a briefing: what it says, when, by whom, on which documents and topics. */
export function briefingJsonLd(ctx: LdSite, { briefing, sources, topics, image, dateModified }: BriefingLdInput): JsonLd {
  const { lang, data } = briefing;
  const page = url(ctx, href.briefing(lang, briefing.id));
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    '@id': ids.article(ctx, lang, briefing.id),
    url: page,
    mainEntityOfPage: page,
    headline: data.title,
    description: data.dek,
    inLanguage: lang,
    datePublished: data.date,
    ...(dateModified && dateModified !== data.date ? { dateModified } : {}),
    ...(image ? { image } : {}),
    author: { '@id': ids.site(ctx, lang) },
    publisher: siteOrganization(ctx, lang),
    isBasedOn: sources.map((s) => sourceRef(ctx, lang, s)),
    // Node references (@id only): each topic page's own node carries its type and name. The
    // overview is about forty topics; their names here cost it 0.3 KB gzip of its 14 KB budget,
    // their types another 0.1 KB.
    about: topics.map((topic) => ({ '@id': ids.entity(ctx, lang, topic.id) })),
  };
}

/**
 * The original report a source page reproduces: its headline, outlet, the reporting it relies
 * on and its dates. A date the document does not print is not given as `datePublished`: it is a
 * PublicationEvent whose description says it was inferred, with what confidence and how.
 */
export function sourceJsonLd(ctx: LdSite, lang: Lang, source: Source): JsonLd {
  const { record } = source;
  const { published } = record;
  const outlet = (o: { name: { ar: string; en: string }; topic?: string | undefined }): JsonLd => ({
    '@type': 'NewsMediaOrganization',
    name: o.name[lang],
    ...(o.topic ? { '@id': ids.entity(ctx, lang, o.topic), url: url(ctx, href.topic(lang, o.topic)) } : {}),
  });
  const dateNote = [
    published.inferred ? t(lang, 'briefing.inferred') : undefined,
    `${t(lang, 'briefing.confidence')}: ${t(lang, `confidence.${published.confidence}`)}`,
    published.note?.[lang],
  ].filter(Boolean).join(' — ');
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': ids.report(ctx, lang, source.id),
    url: url(ctx, href.source(lang, source.id)),
    ...reportTitle(lang, source),
    inLanguage: 'ar',
    publisher: outlet(record.publisher),
    ...(published.inferred ? {} : { datePublished: published.date }),
    publication: {
      '@type': 'PublicationEvent',
      startDate: published.date,
      ...(published.end ? { endDate: published.end } : {}),
      description: dateNote,
    },
    isBasedOn: record.original.map((o) => ({
      '@type': 'NewsArticle',
      publisher: outlet(o),
      ...(o.date ? { datePublished: o.date } : {}),
      ...(o.url ? { url: o.url } : {}),
    })),
  };
}

/** The entity a topic page is about. */
export function topicJsonLd(ctx: LdSite, lang: Lang, topic: Topic): JsonLd {
  const { record } = topic;
  const page = url(ctx, href.topic(lang, topic.id));
  return {
    '@context': CONTEXT,
    ...topicRef(ctx, lang, topic),
    url: page,
    ...(record.aliases[lang].length > 0 ? { alternateName: record.aliases[lang] } : {}),
    description: record.description[lang],
    mainEntityOfPage: page,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
