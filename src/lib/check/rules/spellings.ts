/**
 * Rule spellings: one spelling per language in our own voice. Each topic record's `avoid` lists
 * the spellings we never write, with the one we write instead (`ترمب` → `ترامب`, `Erdogan` →
 * `Erdoğan`); they are flagged in briefings and in topic descriptions and stances, outside
 * quotations («…», “…”, "…"), which keep the source's spelling. Arabic spellings match inside
 * words (prefixes attach: «وترمب», «الأميركية»); English ones match whole words.
 */
import type { Lang } from '../../../i18n/locales.ts';
import { allBriefings, at, briefingTexts, ownVoice, recordTexts, type TextUnit } from '../helpers.ts';
import type { Report, Rule } from '../types.ts';

interface Variant {
  pattern: RegExp;
  variant: string;
  preferred: string;
  from: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function variants(content: Parameters<Rule['check']>[0]): Record<Lang, Variant[]> {
  const out: Record<Lang, Variant[]> = { ar: [], en: [] };
  for (const { topic, record } of content.topics.values()) {
    for (const lang of ['ar', 'en'] as const) {
      for (const [variant, preferred] of Object.entries(topic.record.avoid[lang])) {
        const pattern = lang === 'ar' ? new RegExp(escape(variant), 'gu') : new RegExp(`(?<![\\p{L}\\p{N}])${escape(variant)}(?![\\p{L}\\p{N}])`, 'gu');
        out[lang].push({ pattern, variant, preferred, from: at(topic.file, record.yaml.lineOf(['avoid', lang, variant])) });
      }
    }
  }
  return out;
}

function check(file: string, units: TextUnit[], list: Record<Lang, Variant[]>, report: Report): void {
  for (const { text, line, lang } of units) {
    if (!lang) continue;
    const voice = ownVoice(text);
    for (const v of list[lang]) {
      v.pattern.lastIndex = 0;
      const m = v.pattern.exec(voice);
      if (!m) continue;
      // Show the whole word it sits in, so «الأميركية» reads as such.
      const word = (/[\p{L}\p{M}\p{N}-]*$/u.exec(text.slice(0, m.index))?.[0] ?? '') + m[0] + (/^[\p{L}\p{M}\p{N}-]*/u.exec(text.slice(m.index + m[0].length))?.[0] ?? '');
      report({ file, line, message: `"${word}": we write "${v.preferred}", not "${v.variant}" (${v.from})`, fix: `write "${word.replace(v.variant, v.preferred)}"; only a quotation («…», “…”) keeps the source's spelling` });
    }
  }
}

export const spellings: Rule = {
  id: 'spellings',
  severity: 'error',
  summary: "names and words a topic record lists under `avoid` are written in the record's spelling in our own voice (briefings, topic descriptions and stances); quotations keep the source's",
  check(content, report) {
    const list = variants(content);
    if (!list.ar.length && !list.en.length) return;
    for (const b of allBriefings(content)) check(b.briefing.file, briefingTexts(b), list, report);
    for (const { topic, record } of content.topics.values()) {
      const ours = recordTexts(record.data, (path) => record.yaml.lineOf(path)).filter((u) => u.path[0] === 'description' || u.path[0] === 'stances');
      check(topic.file, ours, list, report);
    }
  },
};
