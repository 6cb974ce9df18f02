/**
 * What lists and cards say about a briefing besides its title. A briefing is dated by its
 * sources (check rule briefing-date): its primary source's date, or for an overview its newest
 * source's; lists show that date the way the source page does (a window stays a window, an
 * estimate says so), never as a bare precise day. And a source's own briefing is known by the
 * outlet of its source; an overview by how many sources it spans.
 */
import { plural } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/locales.ts';
import type { BriefingHead, Source } from './model.ts';

/** The source whose published date the briefing carries, if any. */
export function datingSource(briefing: BriefingHead, sources: ReadonlyMap<string, Source>): Source | undefined {
  return briefing.data.sources.map((id) => sources.get(id)).find((s) => s?.record.published.date === briefing.data.date);
}

/** "Axios" for a source's own briefing; "5 sources" for an overview. */
export function briefingFrom(briefing: BriefingHead, sources: ReadonlyMap<string, Source>, lang: Lang): string {
  return sources.get(briefing.id)?.outlet[lang] ?? plural(lang, 'briefing.sourceCount', briefing.data.sources.length);
}
