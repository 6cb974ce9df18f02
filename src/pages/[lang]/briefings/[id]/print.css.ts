import type { APIContext } from 'astro';
import { t, type Lang } from '../../../../i18n/index.ts';
import { getCorpus } from '../../../../lib/corpus/index.ts';
import { briefingCitations, printReferences, printReferencesCss } from '../../../../lib/print-references.ts';
import { absoluteUrl, href } from '../../../../lib/urls.ts';
import { briefingPaths } from '../../../../lib/corpus/keyed-paths.ts';

/** Each briefing's print stylesheet: the texts of the paragraphs it cites (src/lib/print-references.ts). */
export const getStaticPaths = briefingPaths;

export function GET(context: APIContext) {
  const lang = context.params.lang as Lang;
  const corpus = getCorpus();
  const briefing = corpus.briefing(lang, context.params.id!)!;
  const site = context.site ?? new URL('http://localhost/');
  const refs = printReferences(lang, briefingCitations(briefing), corpus.sources, (source, n) => absoluteUrl(href.paragraph(lang, source, n), site));
  const address = { label: t(lang, 'print.url'), url: absoluteUrl(href.briefing(lang, briefing.id), site) };
  return new Response(printReferencesCss(lang, refs, address), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
