/**
 * Plugin: stable heading ids.
 *
 * Accepts: `## Heading text {#some-id}` — an explicit id at the end of a heading. Headings
 * without one get `section-{n}` by position. Editors give the same ids in both languages, so
 * switching language keeps the reader's section (`/ar/…#gaps` ↔ `/en/…#gaps`).
 * Emits: `<h2 id="some-id">Heading text</h2>`; records `{ id, level, text, line }` in `env.headings`.
 * A duplicate or malformed id is reported as a problem.
 */
import type { MarkdownIt } from 'markdown-it';
import { envOf, lineOf } from '../env.ts';

const EXPLICIT_ID = /\s*\{#([^}\s]*)\}\s*$/;
const VALID_ID = /^[a-z][a-z0-9-]*$/;

export default function headingIds(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'heading_ids', (state) => {
    const env = envOf(state);
    const seen = new Set<string>();
    let counter = 0;
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[i + 1];
      if (!inline) return;
      counter += 1;
      let id = `section-${counter}`;
      const m = EXPLICIT_ID.exec(inline.content);
      if (m && m[1] !== undefined) {
        inline.content = inline.content.slice(0, m.index);
        if (VALID_ID.test(m[1])) id = m[1];
        else env.problems.push({ file: env.file, line: lineOf(env, token.map) ?? env.firstLine, message: `heading id "{#${m[1]}}" is not valid`, fix: 'use lower-case letters, digits and hyphens, starting with a letter, e.g. {#open-questions}' });
      }
      if (seen.has(id)) env.problems.push({ file: env.file, line: lineOf(env, token.map) ?? env.firstLine, message: `heading id "${id}" is used twice`, fix: 'give each heading its own {#id}' });
      seen.add(id);
      token.attrSet('id', id);
    });
  });
  md.core.ruler.after('inline', 'heading_outline', (state) => {
    const env = envOf(state);
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const text = (state.tokens[i + 1]?.children ?? [])
        .filter((c) => c.type === 'text' || c.type === 'code_inline')
        .map((c) => c.content)
        .join('');
      const line = lineOf(env, token.map);
      env.headings.push({ id: String(token.attrGet('id') ?? ''), level: Number(token.tag.slice(1)), text, ...(line ? { line } : {}) });
    });
  });
}
