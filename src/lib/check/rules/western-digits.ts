/**
 * Rule western-digits: numbers use Western digits (0–9) in both languages, in briefings and
 * topic records (Arabic-Indic ٠–٩ and Persian ۰–۹ are refused). Seeds and the source's own
 * headline stay as the document prints them.
 */
import { allBriefings, briefingTexts, recordTexts, type TextUnit } from '../helpers.ts';
import type { Report, Rule } from '../types.ts';

const EASTERN = /[٠-٩۰-۹]/;
const NUMBER = /[0-9٠-٩۰-۹][0-9٠-٩۰-۹.,٫٬/-]*/g;

/** "٢٠٢٥" → "2025". */
export const toWestern = (s: string): string => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0)).replace(/٫/g, '.').replace(/٬/g, ',');

function check(file: string, units: TextUnit[], report: Report): void {
  for (const { text, line } of units) {
    if (!EASTERN.test(text)) continue;
    const numbers = [...new Set((text.match(NUMBER) ?? []).filter((n) => EASTERN.test(n)))];
    report({ file, line, message: `Arabic-Indic digits: ${numbers.map((n) => `"${n}"`).join(', ')}`, fix: `write Western digits: ${numbers.map((n) => `"${toWestern(n)}"`).join(', ')}` });
  }
}

export const westernDigits: Rule = {
  id: 'western-digits',
  severity: 'error',
  summary: 'numbers use Western digits 0–9 in both languages, in briefings and topic records',
  check(content, report) {
    for (const b of allBriefings(content)) check(b.briefing.file, briefingTexts(b), report);
    for (const { topic, record } of content.topics.values()) check(topic.file, recordTexts(record.data, (path) => record.yaml.lineOf(path)), report);
  },
};
