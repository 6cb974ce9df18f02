/**
 * A topic's context from outside the sources (`context:` in content/topics/<id>.yaml), rendered
 * as the context note a briefing's `::: context` block makes (src/markdown/plugins/context-note.ts):
 * labelled as the editors' addition on the page, and refused, with its file and line, when it
 * does not link to where it comes from. Topic links (`[[id]]`) and citations naming their source
 * (`[@source-id:5]`) work as on an About page.
 */
import { t } from '../../i18n/index.ts';
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { renderBlock } from '../../markdown/create.ts';
import { createEnv } from '../../markdown/env.ts';
import type { ContentProblem } from '../problems.ts';
import { citationFix, resolveCitation, topicResolver } from './load-briefings.ts';
import type { LoadedTopic } from './load-topics.ts';
import type { Source, Topic } from './model.ts';

export function renderTopicContext(
  loaded: LoadedTopic,
  topics: Map<string, Topic>,
  sources: Map<string, Source>,
  problems: ContentProblem[],
): Record<Lang, string> | undefined {
  const { record } = loaded;
  const context = record.data.context;
  if (!context || record.flawed(['context'])) return undefined;
  const ids = [...sources.keys()];
  const html = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const line = record.yaml.lineOf(['context', lang]);
    const env = createEnv({
      lang,
      file: record.file,
      // The block's opening line is ours, not the file's: the text starts on the value's line.
      firstLine: line - 1,
      resolveTopic: topicResolver(lang, topics),
      topicIds: [...topics.keys()],
      resolveCitation: (raw) => resolveCitation(raw, lang, ids, sources),
      citationFix: (raw) => citationFix(raw, ids),
      contextLabel: t(lang, 'context.label'),
    });
    html[lang] = renderBlock(`::: context\n${context[lang]}\n:::\n`, env);
    // A problem with the block as a whole is one with the value, which has no block markers.
    problems.push(...env.problems.map((p) => ({ ...p, line: Math.max(p.line ?? line, line), fix: p.fix?.replace('inside the "::: context" block', `in "context: ${lang}:"`) })));
  }
  return html;
}
