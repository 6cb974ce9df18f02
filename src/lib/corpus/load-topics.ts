/** Loads `content/topics/*.yaml`. Cross-references are checked once everything is loaded. */
import { topicRecord, type TopicRecord } from '../../schemas/content.ts';
import type { ContentProblem } from '../problems.ts';
import { join } from './files.ts';
import type { Topic } from './model.ts';
import { readYamlRecords, type YamlRecord } from './yaml-records.ts';

export interface LoadedTopic {
  topic: Topic;
  record: YamlRecord<TopicRecord>;
}

/** Stand-in values for a record whose own are missing or invalid. */
const fallback = (id: string) => ({ kind: 'concept' as const, name: { ar: id, en: id }, description: { ar: '—', en: '—' } });

export function loadTopics(root: string, problems: ContentProblem[]): Map<string, LoadedTopic> {
  const records = readYamlRecords(root, join(root, 'content', 'topics'), topicRecord, problems, fallback);
  return new Map(records.map((r) => [r.id, { topic: { id: r.id, file: r.file, record: r.data }, record: r }]));
}
