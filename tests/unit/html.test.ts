/** Escaping text into HTML and reading HTML text back (src/lib/html.ts). */
import { describe, expect, it } from 'vitest';
import { escapeHtml, unescapeHtml } from '../../src/lib/html.ts';

describe('unescapeHtml', () => {
  const cases: [name: string, html: string, text: string][] = [
    ['plain text', 'Erdoğan met Trump', 'Erdoğan met Trump'],
    ['Arabic text', 'قوة الاستقرار الدولية', 'قوة الاستقرار الدولية'],
    ['the five escapeHtml writes', '&lt;b&gt; &quot;x&quot; &amp; y', '<b> "x" & y'],
    ['an apostrophe, named and numeric', '&apos;a&#39; &#x27;b&#X27;', "'a' 'b'"],
    ['numeric references beyond ASCII', '&#1575;&#x644;', 'ال'],
    ['one pass: an escaped reference stays a reference', '&amp;lt; &amp;quot; &amp;#39;', '&lt; &quot; &#39;'],
    ['an unknown name is left alone', '&nbsp;&copy;', '&nbsp;&copy;'],
    ['no semicolon, no reference', 'AT&T &amp', 'AT&T &amp'],
    ['an impossible code point is left alone', '&#0; &#x110000;', '&#0; &#x110000;'],
    ['query strings in URLs', '/en/search/?q=a&amp;lang=en', '/en/search/?q=a&lang=en'],
  ];
  it.each(cases)('%s', (_, html, text) => expect(unescapeHtml(html)).toBe(text));

  it.each(['a < b & "c" > d', '&amp; is already escaped', 'نص & <bdi>2803</bdi>'])('undoes escapeHtml: %s', (text) => {
    expect(unescapeHtml(escapeHtml(text))).toBe(text);
  });
});
