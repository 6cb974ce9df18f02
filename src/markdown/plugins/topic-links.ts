/**
 * Plugin: topic links.
 *
 * Accepts: `[[topic-id]]` and `[[topic-id|text]]` anywhere in inline text. The id must be a
 * topic record in `content/topics/`.
 * Emits: `<a href="{base}/{lang}/topics/{id}/">` with the topic's name in the page's language
 * (or the given text); a plain link, since briefings carry dozens of them and every byte counts.
 * Arabic letters written right before the brackets (a prefix such as و، ب، ل، لـ) belong to the
 * word, so the link covers them too: `و[[egypt]]` links «ومصر», not «مصر» after a bare «و».
 * An unknown id renders as plain text and is reported as a problem. Every link is recorded in `env.mentions` with the sentence it
 * stands in, for the topic page's "what links here".
 */
import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import { envOf } from '../env.ts';
import { pushProblemText } from './report-problems.ts';
import { hint } from '../../lib/problems.ts';
import { sentenceAround } from '../../lib/sentences.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function topicLinkRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const end = src.indexOf(']]', pos + 2);
  if (end < 0) return false;
  const inner = src.slice(pos + 2, end);
  if (/[[\]\n]/.test(inner)) return false;
  const bar = inner.indexOf('|');
  const id = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  const label = bar < 0 ? undefined : inner.slice(bar + 1).trim();
  if (!silent) {
    const env = envOf(state);
    const target = ID.test(id) ? env.resolveTopic(id) : undefined;
    if (!target) {
      pushProblemText(state, label || id, {
        message: `unknown topic "${id}" in [[${inner}]]`,
        fix: `use the id of a file in content/topics/${hint(id, env.topicIds)}, or add content/topics/${id}.yaml`,
      });
    } else {
      // Text not yet flushed into a token: move an attached prefix into the link.
      const prefix = /[\u0621-\u064A\u0640\u064B-\u0652]+$/u.exec(state.pending)?.[0] ?? '';
      if (prefix) state.pending = state.pending.slice(0, -prefix.length);
      const open = state.push('link_open', 'a', 1);
      open.attrs = [['href', target.href]];
      open.meta = { topic: id };
      const text = state.push('text', '', 0);
      text.content = prefix + (label || target.name);
      state.push('link_close', 'a', -1);
    }
  }
  state.pos = end + 2;
  return true;
}

/** Plain text of an inline token's children, with the offsets where each topic link starts. */
function plainTextWithLinks(children: Token[]): { text: string; links: { topic: string; at: number }[] } {
  let text = '';
  const links: { topic: string; at: number }[] = [];
  for (const child of children) {
    const topic = (child.meta as { topic?: string } | null)?.topic;
    if (child.type === 'link_open' && topic) links.push({ topic, at: text.length });
    // Citations ("Axios ¶5") are not part of the sentence a reader would quote; the space that
    // bound them to the word before goes with them, so no space is left before a full stop.
    if (child.type === 'citations') text = text.replace(/\s+$/u, '');
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return { text, links };
}

export default function topicLinks(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'topic_link', topicLinkRule);
  md.core.ruler.push('topic_mentions', (state) => {
    const env = envOf(state);
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const { text, links } = plainTextWithLinks(block.children);
      for (const link of links) {
        env.mentions.push({
          topic: link.topic,
          sentence: sentenceAround(text, link.at),
          ...(block.map && { line: env.firstLine + block.map[0] }),
        });
      }
    }
  });
}
