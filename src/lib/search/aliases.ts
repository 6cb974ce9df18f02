/**
 * Names across languages and spellings: every topic's names and aliases in both languages,
 * normalised, and a scanner that finds which topics a text mentions under any of them.
 */
import type { Corpus } from '../corpus/index.ts';
import { normalizeText, words } from './normalize.ts';

export interface TopicNames {
  id: string;
  /** Every name and alias in both languages, as written. */
  all: string[];
}

export function topicNames(corpus: Corpus): TopicNames[] {
  return [...corpus.topics.values()].map((topic) => {
    const r = topic.record;
    return { id: topic.id, all: [...new Set([r.name.ar, r.name.en, ...r.aliases.ar, ...r.aliases.en])] };
  });
}

/** Finds mentioned topics in one pass over the words, keyed by each phrase's first word. */
export function createMentionScanner(names: TopicNames[]): (text: string) => Set<string> {
  const byFirstWord = new Map<string, { id: string; phrase: string[] }[]>();
  for (const topic of names) {
    for (const name of topic.all) {
      const phrase = words(normalizeText(name));
      // Very short names (e.g. "US", "PA") would match too much running text.
      if (phrase.length === 0 || (phrase.length === 1 && phrase[0]!.length < 3)) continue;
      const list = byFirstWord.get(phrase[0]!) ?? [];
      list.push({ id: topic.id, phrase });
      byFirstWord.set(phrase[0]!, list);
    }
  }
  return (text) => {
    const found = new Set<string>();
    const ws = words(normalizeText(text));
    ws.forEach((w, i) => {
      for (const { id, phrase } of byFirstWord.get(w) ?? []) {
        if (phrase.every((p, j) => ws[i + j] === p)) found.add(id);
      }
    });
    return found;
  };
}
