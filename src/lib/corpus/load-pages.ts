/**
 * Loads `content/pages/{lang}/*.md`: free-standing pages such as About, written in Markdown
 * with a `title` and `description` in the frontmatter, in every language.
 */
import { z } from 'zod';
import { LANGS, LOCALES, type Lang } from '../../i18n/locales.ts';
import { t } from '../../i18n/index.ts';
import { createEnv } from '../../markdown/env.ts';
import { renderBlock } from '../../markdown/create.ts';
import type { ContentProblem } from '../problems.ts';
import { href } from '../urls.ts';
import { splitFrontmatter } from '../yaml-source.ts';
import { cachedYamlSource } from './parse-cache.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { parseRecord } from './issues.ts';
import { reportPlaceholders } from './yaml-records.ts';
import type { Source, Topic } from './model.ts';
import { citationFix, resolveCitation } from './load-briefings.ts';

const pageFrontmatter = z.strictObject({ title: z.string().trim().min(1, 'must not be empty'), description: z.string().trim().min(1, 'must not be empty') });

export interface Page {
  id: string;
  lang: Lang;
  title: string;
  description: string;
  html: string;
}

export function loadPages(root: string, sources: Map<string, Source>, topics: Map<string, Topic>, problems: ContentProblem[]): Map<string, Page> {
  const pages = new Map<string, Page>();
  const ids = new Set(LANGS.flatMap((lang) => listFiles(join(root, 'content', 'pages', lang), '.md').map((n) => n.replace(/\.md$/, ''))));
  for (const id of ids) {
    for (const lang of LANGS) {
      const path = join(root, 'content', 'pages', lang, `${id}.md`);
      const file = rel(root, path);
      const read = readUtf8(path);
      if ('error' in read) {
        problems.push({ file, message: `page ${read.error === 'cannot be read (ENOENT)' ? 'is missing' : read.error}`, fix: `write the ${LOCALES[lang].label} version of "${id}"` });
        continue;
      }
      const parts = splitFrontmatter(read.text);
      if (!parts) {
        problems.push({ file, line: 1, message: 'no frontmatter', fix: 'start with a "---" line, then title and description, then another "---" line' });
        continue;
      }
      reportPlaceholders(parts.frontmatter, parts.frontmatterLine, file, problems);
      reportPlaceholders(parts.body, parts.bodyLine, file, problems, false);
      const yaml = cachedYamlSource(parts.frontmatter, parts.frontmatterLine);
      for (const e of yaml.errors) problems.push({ file, line: e.line, message: `frontmatter YAML: ${e.message}`, fix: 'fix the YAML syntax (check indentation and quote strings that contain ":" or quotes)' });
      const parsed = yaml.errors.length ? { data: { title: id, description: id } } : parseRecord(pageFrontmatter, yaml.data, yaml, file, { title: id, description: id }, problems);
      const env = createEnv({
        lang,
        file,
        firstLine: parts.bodyLine,
        resolveTopic: (topicId) => {
          const topic = topics.get(topicId);
          return topic ? { name: topic.record.name[lang], href: href.topic(lang, topicId) } : undefined;
        },
        topicIds: [...topics.keys()],
        resolveCitation: (raw) => resolveCitation(raw, lang, [...sources.keys()], sources),
        citationFix: (raw) => citationFix(raw, [...sources.keys()]),
        contextLabel: t(lang, 'context.label'),
      });
      const html = renderBlock(parts.body, env);
      problems.push(...env.problems);
      pages.set(`${lang}/${id}`, { id, lang, ...parsed.data, html });
    }
  }
  return pages;
}
