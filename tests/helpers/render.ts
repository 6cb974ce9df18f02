import { createEnv, type RenderEnv } from '../../src/markdown/env.ts';
import { renderBlock, renderInline } from '../../src/markdown/create.ts';
import type { Lang } from '../../src/i18n/locales.ts';

const TOPICS: Record<string, { ar: string; en: string }> = {
  turkey: { ar: 'تركيا', en: 'Turkey' },
  axios: { ar: 'أكسيوس', en: 'Axios' },
};

const OUTLETS: Record<string, { ar: string; en: string }> = {
  primary: { ar: 'أكسيوس', en: 'Axios' },
  other: { ar: 'الشرق', en: 'Asharq News' },
};

/** Renders Markdown with a small in-memory topic and source table. */
export function render(source: string, lang: Lang = 'en', inline = false): { html: string; env: RenderEnv } {
  const env = createEnv({
    lang,
    file: 'content/test.md',
    firstLine: 10,
    resolveTopic: (id) => (TOPICS[id] ? { name: TOPICS[id][lang], href: `/${lang}/topics/${id}/` } : undefined),
    topicIds: Object.keys(TOPICS),
    resolveCitation: (raw) => {
      const m = /^(?:([a-z-]+):)?(\d+)(?:-(\d+))?$/.exec(raw);
      if (!m) return `"${raw}" is not a citation`;
      const n = Number(m[2]);
      if (n > 9) return `no paragraph ${n}`;
      const source = m[1] ?? 'primary';
      return { source, from: n, to: m[3] ? Number(m[3]) : n, href: `/${lang}/sources/${source}/#p${n}`, outlet: OUTLETS[source]?.[lang] ?? source };
    },
    contextLabel: lang === 'ar' ? 'سياق' : 'Context',
  });
  return { html: inline ? renderInline(source, env) : renderBlock(source, env), env };
}
