/** Loads `content/topics/*.yaml`. Cross-references are checked once everything is loaded. */
import { topicRecord } from '../../schemas/content.ts';
import type { ContentProblem } from '../problems.ts';
import type { YamlSource } from '../yaml-source.ts';
import { join } from './files.ts';
import type { Topic } from './model.ts';
import { readYamlRecords } from './yaml-records.ts';

export function loadTopics(root: string, problems: ContentProblem[]): { topics: Map<string, Topic>; yaml: Map<string, YamlSource> } {
  const records = readYamlRecords(root, join(root, 'content', 'topics'), topicRecord, problems);
  return {
    topics: new Map(records.map((r) => [r.id, { id: r.id, file: r.file, record: r.data }])),
    yaml: new Map(records.map((r) => [r.id, r.yaml])),
  };
}
