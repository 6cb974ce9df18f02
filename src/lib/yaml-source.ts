/**
 * YAML parsing that remembers where every value came from, so schema errors can point at the
 * line an editor has to change. Uses the `yaml` package's core schema: unquoted dates stay
 * strings, as the content format expects.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';

export interface YamlSource {
  data: unknown;
  /** Syntax errors, with 1-based lines in the file. */
  errors: { line: number; message: string }[];
  /** The line of the value at `path` (or of its closest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
  /** The line of the key that holds the value at `path` (a list's `keyPoints:` line, not its first item's). */
  keyLineOf(path: readonly PropertyKey[]): number;
}

/**
 * @param text YAML text
 * @param firstLine the file line the text starts on (2 for frontmatter after `---`)
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: toLine(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return toLine(node.range[0]);
    }
    return firstLine;
  };
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf,
    keyLineOf(path) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
      const last = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
        if (pair && isNode(pair.key) && pair.key.range) return toLine(pair.key.range[0]);
      }
      return lineOf(path);
    },
  };
}

/** Splits `---` frontmatter from a Markdown file; lines are 1-based file lines. */
export function splitFrontmatter(
  text: string,
): { frontmatter: string; frontmatterLine: number; body: string; bodyLine: number } | undefined {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const bodyLine = m[0].split('\n').length;
  return { frontmatter: m[1], frontmatterLine: 2, body: text.slice(m[0].length), bodyLine: m[0].endsWith('\n') ? bodyLine : bodyLine + 1 };
}
