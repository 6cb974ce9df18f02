/**
 * YAML parsing that remembers where every value came from, so schema errors can point at the
 * line an editor has to change. Uses the `yaml` package's core schema: unquoted dates stay
 * strings, as the content format expects.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, YAMLMap, YAMLSeq, type Document } from 'yaml';

export interface YamlSource {
  data: unknown;
  /** Syntax errors, with 1-based lines in the file. */
  errors: { line: number; message: string }[];
  /** The line of the value at `path` (or of its closest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
  /** The line of the key that holds the value at `path` (a list's `keyPoints:` line, not its first item's). */
  keyLineOf(path: readonly PropertyKey[]): number;
}

function parseYaml(text: string, firstLine: number): { doc: Document; toLine: (offset: number) => number; errors: YamlSource['errors'] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: toLine(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  return { doc, toLine, errors };
}

/**
 * @param text YAML text
 * @param firstLine the file line the text starts on (2 for frontmatter after `---`)
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const { doc, toLine, errors } = parseYaml(text, firstLine);
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

/**
 * Where each value of a YAML document is, in a form JSON keeps: a node's line (`l`), a mapping's
 * entries in order (`m`: key, the key's line, the value) or a sequence's items (`s`).
 */
export interface LineTree {
  l: number | null;
  m?: [key: string | number | boolean | null, keyLine: number | null, value: LineTree | null][];
  s?: (LineTree | null)[];
}

/** A parsed YAML text that can be saved as JSON and made into the same YamlSource again (yamlSourceOf). */
export interface YamlSnapshot {
  data?: unknown;
  errors: YamlSource['errors'];
  firstLine: number;
  tree: LineTree | null;
}

const NOT_JSON = Symbol('not JSON');

/** Whether `value` comes back from JSON as it is: plain objects, arrays, strings, booleans, null, finite numbers. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(jsonSafe);
  return false;
}

function lineTree(node: unknown, toLine: (offset: number) => number): LineTree | null | typeof NOT_JSON {
  // A pair in a sequence (or nothing): getIn finds no node there.
  if (!isNode(node)) return null;
  const tree: LineTree = { l: node.range ? toLine(node.range[0]) : null };
  if (isMap(node)) {
    // Subclasses (!!set, !!omap) look values up their own way.
    if (node.constructor !== YAMLMap) return NOT_JSON;
    tree.m = [];
    for (const pair of node.items) {
      // Only a scalar key can be reached by a path (yaml's findPair) or named by keyLineOf.
      if (!isScalar(pair.key)) continue;
      const key = pair.key.value;
      if (!(key === null || typeof key === 'string' || typeof key === 'boolean' || (typeof key === 'number' && jsonSafe(key)))) return NOT_JSON;
      const value = lineTree(pair.value, toLine);
      if (value === NOT_JSON) return NOT_JSON;
      tree.m.push([key, pair.key.range ? toLine(pair.key.range[0]) : null, value]);
    }
  } else if (isSeq(node)) {
    if (node.constructor !== YAMLSeq) return NOT_JSON;
    tree.s = [];
    for (const item of node.items) {
      const value = lineTree(item, toLine);
      if (value === NOT_JSON) return NOT_JSON;
      tree.s.push(value);
    }
  }
  return tree;
}

/**
 * The snapshot of a YAML text (what parseYamlSource would give), or undefined when JSON cannot
 * keep it exactly (then parse the text each time).
 */
export function yamlSnapshot(text: string, firstLine = 1): YamlSnapshot | undefined {
  const { doc, toLine, errors } = parseYaml(text, firstLine);
  const data: unknown = errors.length ? undefined : doc.toJS();
  if (data !== undefined && !jsonSafe(data)) return undefined;
  const tree = lineTree(doc.contents, toLine);
  if (tree === NOT_JSON) return undefined;
  return { ...(data === undefined ? {} : { data }), errors, firstLine, tree };
}

/** One step of a path, as yaml's Collection.get finds it (a mapping: the first key equal to it; a sequence: an index). */
function childOf(tree: LineTree | null | undefined, key: PropertyKey): LineTree | null | undefined {
  if (tree?.m) return tree.m.find(([k]) => k === key)?.[2];
  if (tree?.s) {
    const index = key && typeof key === 'string' ? Number(key) : key;
    return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? tree.s[index] : undefined;
  }
  return undefined;
}

/**
 * The YamlSource of a snapshot: the same data, errors and lines as parseYamlSource of its text.
 * `handedOver`: nobody else holds the snapshot (the caller just parsed it from JSON), so its data
 * is given as is rather than copied (20,000 copies per build at 5,000 sources).
 */
export function yamlSourceOf(snapshot: YamlSnapshot, handedOver = false): YamlSource {
  const { tree: root, firstLine } = snapshot;
  // The nodes along `path` as far as it leads (doc.getIn of each of its prefixes).
  const walk = (path: readonly PropertyKey[]): (LineTree | null)[] => {
    const nodes = [root];
    let node: LineTree | null | undefined = root;
    for (const key of path) {
      node = childOf(node, key);
      if (node === undefined) break;
      nodes.push(node);
    }
    return nodes;
  };
  const lineOf = (path: readonly PropertyKey[]): number => {
    const nodes = walk(path);
    for (let depth = nodes.length - 1; depth >= 0; depth--) {
      const line = nodes[depth]?.l;
      if (line !== undefined && line !== null) return line;
    }
    return firstLine;
  };
  return {
    // Copies: a caller may change what it gets, never the snapshot (a cache may hold it).
    data: snapshot.data === undefined || handedOver ? snapshot.data : structuredClone(snapshot.data),
    errors: handedOver ? snapshot.errors : snapshot.errors.map((e) => ({ ...e })),
    lineOf,
    keyLineOf(path) {
      const up = path.slice(0, -1);
      const nodes = path.length > 1 ? walk(up) : [root];
      const parent = nodes.length === (path.length > 1 ? up.length + 1 : 1) ? nodes[nodes.length - 1] : undefined;
      const last = path[path.length - 1];
      if (parent?.m) {
        const entry = parent.m.find(([k]) => String(k) === String(last));
        if (entry && entry[1] !== null) return entry[1];
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
