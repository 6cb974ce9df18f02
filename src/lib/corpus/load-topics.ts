/** Loads `content/topics/*.yaml`. Cross-references are checked once everything is loaded. */
import { topicRecord } from '../../schemas/content.ts';
import type { ContentProblem } from '../problems.ts';
import { join, listFiles, rel } from './files.ts';
import { schemaProblems } from './issues.ts';
import { checkId, readYaml } from './load-sources.ts';
import type { Topic } from './model.ts';
import type { YamlSource } from '../yaml-source.ts';

export function loadTopics(root: string, problems: ContentProblem[]): { topics: Map<string, Topic>; yaml: Map<string, YamlSource> } {
  const dir = join(root, 'content', 'topics');
  const topics = new Map<string, Topic>();
  const yamlById = new Map<string, YamlSource>();
  for (const name of listFiles(dir, '.yaml')) {
    const id = name.replace(/\.yaml$/, '');
    const path = join(dir, name);
    const file = rel(root, path);
    if (!checkId(id, file, problems)) continue;
    const yaml = readYaml(root, path, problems);
    if (!yaml) continue;
    const parsed = topicRecord.safeParse(yaml.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, yaml, parsed.error.issues));
      continue;
    }
    topics.set(id, { id, file, record: parsed.data });
    yamlById.set(id, yaml);
  }
  return { topics, yaml: yamlById };
}
