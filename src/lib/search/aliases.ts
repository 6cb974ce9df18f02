/**
 * Names across languages and spellings: every topic's names and aliases in both languages, and a
 * scanner that finds which topics a text mentions under any of them (compared as analysed tokens,
 * analyze.ts, so a spelling variant of a name counts too).
 */
import type { Corpus } from '../corpus/index.ts';
import { createAnalyzer, nameTable, nameWords, type Analyzer, type TopicNameWords } from './analyze.ts';
import type { NameTable } from './names.ts';

export interface TopicNames {
  id: string;
  /** Every name and alias in both languages, as written, the page language's name first. */
  all: string[];
  ar: string[];
  en: string[];
}

export function topicNames(corpus: Corpus): TopicNames[] {
  return [...corpus.topics.values()].map((topic) => {
    const r = topic.record;
    const ar = [r.name.ar, ...r.aliases.ar];
    const en = [r.name.en, ...r.aliases.en];
    return { id: topic.id, all: [...new Set([...ar, ...en])], ar, en };
  });
}

/** The name words of every topic, for the name table (analyze.ts). */
export const registerWords = (names: TopicNames[]): TopicNameWords[] => names.map((n) => ({ ar: n.ar.flatMap(nameWords), en: n.en.flatMap(nameWords) }));

/** The corpus's name table and the analyser built on it (index and query time alike). */
export function corpusAnalyzer(corpus: Corpus): { table: NameTable; analyzer: Analyzer } {
  const table = nameTable(registerWords(topicNames(corpus)));
  return { table, analyzer: createAnalyzer(table) };
}

/** Finds mentioned topics in one pass over the tokens, keyed by each name's first token. */
export function createMentionScanner(names: TopicNames[], analyzer: Analyzer): (text: string) => Set<string> {
  const byFirst = new Map<string, { id: string; phrase: string[] }[]>();
  for (const topic of names) {
    for (const name of topic.all) {
      const phrase = analyzer.tokens(name);
      // Very short names (e.g. "US", "PA") would match too much running text.
      if (phrase.length === 0 || (phrase.length === 1 && phrase[0]!.length < 3)) continue;
      const list = byFirst.get(phrase[0]!) ?? [];
      list.push({ id: topic.id, phrase });
      byFirst.set(phrase[0]!, list);
    }
  }
  return (text) => {
    const found = new Set<string>();
    const ts = analyzer.tokens(text);
    ts.forEach((w, i) => {
      for (const { id, phrase } of byFirst.get(w) ?? []) {
        if (phrase.every((p, j) => ts[i + j] === p)) found.add(id);
      }
    });
    return found;
  };
}
