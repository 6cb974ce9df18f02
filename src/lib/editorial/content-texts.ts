/**
 * Where the editorial text rules look, by language: the Markdown files read whole (so a problem
 * has its exact line and column) and the prose strings of YAML records (name, description,
 * stances, notes, translations), leaving out what is not our prose: topic aliases (variants kept
 * on purpose for search), ids and enum values, and a document's own headline.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Lang } from '../../i18n/locales.ts';
import { readUtf8 } from '../corpus/files.ts';
import { join } from '../corpus/files.ts';
import { recordTexts } from '../check/helpers.ts';
import type { Content, Report } from '../check/types.ts';
import type { Finding } from './findings.ts';

export interface FileText {
  file: string;
  text: string;
}

export interface LineText {
  file: string;
  line: number;
  text: string;
}

export function readText(root: string, file: string): string | undefined {
  const read = readUtf8(join(root, file));
  return 'text' in read ? read.text : undefined;
}

function markdownIn(root: string, dir: string): string[] {
  const path = join(root, dir);
  return existsSync(path) ? readdirSync(path).filter((n) => n.endsWith('.md')).sort().map((n) => `${dir}/${n}`) : [];
}

/** Briefings and free-standing pages of one language, whole. */
export function markdownTexts(content: Content, lang: Lang): FileText[] {
  const files = [...content.briefings[lang].map((b) => b.briefing.file), ...markdownIn(content.root, `content/pages/${lang}`)];
  return files.flatMap((file) => {
    const text = readText(content.root, file);
    return text === undefined ? [] : [{ file, text }];
  });
}

/** The prose strings of topic records, source records and translations in one language. */
export function recordProse(content: Content, lang: Lang): LineText[] {
  const out: LineText[] = [];
  for (const { topic, record } of content.topics.values()) {
    for (const u of recordTexts(record.data, (path) => record.yaml.lineOf(path))) {
      if (u.lang === lang && u.path[0] !== 'aliases') out.push({ file: topic.file, line: u.line, text: u.text });
    }
  }
  for (const { source, record, translation } of content.sources.values()) {
    for (const u of recordTexts(record.data, (path) => record.yaml.lineOf(path))) {
      // The document's own headline is quoted as printed; only a headline of ours is our prose.
      const ownHeadline = u.path[0] === 'headline' && !source.record.headline.byEditors && lang === 'ar';
      if (u.lang === lang && !ownHeadline) out.push({ file: source.file, line: u.line, text: u.text });
    }
    if (lang === 'en' && translation.yaml) {
      const yaml = translation.yaml;
      for (const [n, text] of source.translation) out.push({ file: translation.file, line: yaml.lineOf(['paragraphs', String(n)]), text });
    }
  }
  return out;
}

/** Reports findings of a text that starts on `line` of `file`. */
export function reportFindings(report: Report, file: string, line: number, findings: Finding[]): void {
  for (const f of findings) report({ file, line: line + f.line - 1, message: f.message, fix: f.fix });
}

/** Runs a text rule over all prose of one language: Markdown files whole, record strings by line. */
export function checkProse(content: Content, lang: Lang, find: (text: string) => Finding[], report: Report): void {
  for (const { file, text } of markdownTexts(content, lang)) reportFindings(report, file, 1, find(text));
  // A record string is one YAML value: its findings go on the value's line.
  for (const { file, line, text } of recordProse(content, lang)) reportFindings(report, file, line, find(text).map((f) => ({ ...f, line: 1 })));
}
