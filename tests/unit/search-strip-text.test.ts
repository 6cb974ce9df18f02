/**
 * The index step's string helpers (strip-fragments.ts): a page's words compared as one string
 * each side must say exactly what comparing them word by word says, and a search document splits
 * into what Pagefind gets and the display data, exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { documentText, indexedText, indexedWords, splitDocument } from '../../src/lib/search/strip-fragments.ts';

describe("Pagefind's words of a page as one string", () => {
  const cases: [string, string][] = [
    ['plain words', 'a b c'],
    ['a full stop closing each block', 'title. first block. second'],
    ['white space of every kind', '  a\n\tb \u00a0 c\r\n'],
    ['two full stops: one goes', 'etc.. next'],
    ['a word that is only a full stop', 'x . y .'],
    ['full stops inside a word stay', 'u.s.a 3.5 a.b.'],
    ['Arabic', 'تركيا. قطر ومصر.'],
    ['nothing', ''],
    ['only white space', ' \n '],
  ];
  it.each(cases)('%s: the words joined with one space', (_, content) => {
    expect(indexedText(content)).toBe(indexedWords(content).join(' '));
  });
});

describe('the indexed text of a document', () => {
  const cases: [string, string, string][] = [
    ['its body only, tags as spaces', '<title>x</title><main data-pagefind-body>\n<h1>a b</h1>\n<p>c</p>\n</main><div>z</div>', 'a b c'],
    ['HTML references read back', '<main data-pagefind-body><p>at&amp;t &lt;x&gt;</p></main>', 'at&t <x>'],
    ['no body, no words', '<p>a</p>', ''],
  ];
  it.each(cases)('%s', (_, html, text) => {
    expect(documentText(html)).toBe(text);
  });
});

describe('a search document split', () => {
  const data = JSON.stringify({ t: 'تركيا "Türkiye" <b> & co', s: [['p1', '¶1', 'نص\nسطر', 3]] });
  const escaped = data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const document = `<html><body>\n<main data-pagefind-body>\n<h1>t</h1>\n<p>a b</p>\n</main>\n<div data-pagefind-meta="d">${escaped}</div>\n<div data-pagefind-filter="type">x</div>\n</body></html>`;
  const cases: [string, string, { html: string; text: string; data: string }][] = [
    [
      'the element goes, its JSON comes back as written, the words are the body',
      document,
      { html: '<html><body>\n<main data-pagefind-body>\n<h1>t</h1>\n<p>a b</p>\n</main>\n\n<div data-pagefind-filter="type">x</div>\n</body></html>', text: 't a b', data },
    ],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    const { html, parts } = splitDocument(input);
    expect({ html, ...parts }).toEqual(expected);
  });
  it('refuses a document without its display data', () => {
    expect(() => splitDocument('<main data-pagefind-body><p>a</p></main>')).toThrow(/without its display data/);
  });
});
