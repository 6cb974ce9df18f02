/**
 * What each social card shows: one per briefing, source, topic and home page, in each language.
 * A card's hash covers everything it shows plus the template version, so an unchanged page
 * keeps its cached card and a changed title renders a new one.
 */
import { createHash } from 'node:crypto';
import { LANGS, LOCALES, t, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { formatPartialDate } from '../dates.ts';
import { cardPath } from './paths.ts';

/** Bump when the drawing code changes, so every card is redrawn once. */
export const CARD_TEMPLATE_VERSION = 7;

export interface CardSpec {
  lang: Lang;
  /** Root-relative output path, e.g. /og/ar/briefings/x.png */
  path: string;
  /** Small label above the title: the kind of page. */
  label: string;
  title: string;
  /** Dek, or the topic's description; may be empty. */
  subtitle: string;
  /** Localised date line; may be empty. */
  date: string;
  siteName: string;
  /** Alt text for og:image:alt. */
  alt: string;
}

export function cardHash(spec: CardSpec): string {
  return createHash('sha256').update(JSON.stringify([CARD_TEMPLATE_VERSION, spec])).digest('hex').slice(0, 20);
}

const firstSentence = (text: string) => (/^.*?[.!?؟](?=\s|$)/u.exec(text)?.[0] ?? text).trim();

export function cardSpecs(corpus: Corpus): CardSpec[] {
  const specs: CardSpec[] = [];
  for (const lang of LANGS) {
    const siteName = t(lang, 'site.name');
    const date = (iso: string) => formatPartialDate(iso, LOCALES[lang].intl);
    const make = (s: Omit<CardSpec, 'siteName' | 'alt' | 'lang'>): CardSpec => ({ ...s, lang, siteName, alt: `${s.label}: ${s.title}` });
    specs.push(make({ path: cardPath(lang, 'home'), label: t(lang, 'nav.home'), title: siteName, subtitle: t(lang, 'site.tagline'), date: '' }));
    for (const b of corpus.briefings[lang]) {
      specs.push(make({ path: cardPath(lang, 'briefings', b.id), label: t(lang, 'search.type.briefing'), title: b.data.title, subtitle: b.data.dek, date: date(b.data.date) }));
    }
    for (const s of corpus.sources.values()) {
      specs.push(make({ path: cardPath(lang, 'sources', s.id), label: t(lang, 'search.type.source'), title: s.record.headline[lang], subtitle: '', date: date(s.record.published.date) }));
    }
    for (const topic of corpus.topics.values()) {
      specs.push(make({ path: cardPath(lang, 'topics', topic.id), label: `${t(lang, 'search.type.topic')} · ${t(lang, `kind.${topic.record.kind}`)}`, title: topic.record.name[lang], subtitle: firstSentence(topic.record.description[lang]), date: '' }));
    }
  }
  return specs;
}
