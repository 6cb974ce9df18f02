/**
 * Plugin: safe links.
 *
 * Accepts: ordinary Markdown links and autolinks. Only `http:`, `https:`, `mailto:`, relative
 * paths and `#fragments` are allowed; `javascript:`, `vbscript:`, `data:`, `file:` and any other
 * scheme are refused (markdown-it then leaves the text unlinked). Raw HTML is already off in
 * the factory, so `<script>` renders as text.
 * Emits: external links with `rel="noopener noreferrer"` and `class="external"`.
 */
import type { MarkdownIt } from 'markdown-it';

const SAFE_SCHEME = /^(?:https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for links a reader can follow safely. */
export function isSafeHref(url: string): boolean {
  // Browsers ignore tabs, newlines and leading control characters in schemes, so do we.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_SCHEME.test(cleaned) || !HAS_SCHEME.test(cleaned);
}

export default function safeLinks(md: MarkdownIt): void {
  md.validateLink = isSafeHref;
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('rel', 'noopener noreferrer');
      token.attrJoin('class', 'external');
    }
    return fallback(tokens, idx, options, env, self);
  };
}
