/**
 * A check axe lacks: text in the other script must say its language, so screen readers switch
 * voices and browsers pick fonts and line breaking: Latin runs inside Arabic pages carry
 * lang="en", Arabic runs inside English pages carry lang="ar" (on themselves or an ancestor).
 */
import { describe, expect, it } from 'vitest';
import type { HTMLElement, Node } from 'node-html-parser';
import { BUILDS, readSite } from '../helpers/site.ts';

const LATIN = /[A-Za-z]{2,}/;
const ARABIC = /[\u0600-\u06FF]{2,}/;

function unmarked(root: HTMLElement, pageLang: string, pattern: RegExp, expected: string): string[] {
  const found: string[] = [];
  const walk = (node: Node, lang: string) => {
    if (node.nodeType === 3) {
      const text = node.text.trim();
      if (lang !== expected && pattern.test(text)) found.push(text.slice(0, 80));
      return;
    }
    const el = node as HTMLElement;
    if (['script', 'style', 'noscript'].includes(el.rawTagName?.toLowerCase() ?? '')) return;
    const own = el.getAttribute?.('lang');
    for (const child of el.childNodes) walk(child, own ?? lang);
  };
  walk(root, pageLang);
  return found;
}

describe.each(BUILDS)('language marking in $dir', ({ dir, base }) => {
  const site = readSite(dir, base);
  it('Latin text inside Arabic pages carries lang="en"', () => {
    const bad = [...site.pages].filter(([p]) => p.startsWith('/ar/')).flatMap(([p, doc]) => unmarked(doc.querySelector('body')!, 'ar', LATIN, 'en').map((t) => `${p}: ${t}`));
    expect(bad.slice(0, 30)).toEqual([]);
  });
  it('Arabic text inside English pages carries lang="ar"', () => {
    const bad = [...site.pages].filter(([p]) => p.startsWith('/en/')).flatMap(([p, doc]) => unmarked(doc.querySelector('body')!, 'en', ARABIC, 'ar').map((t) => `${p}: ${t}`));
    expect(bad.slice(0, 30)).toEqual([]);
  });
});
