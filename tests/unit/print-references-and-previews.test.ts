import { describe, expect, it } from 'vitest';
import { citationsInHtml, cssString, printReferencesCss, uniqueRefs } from '../../src/lib/print-references.ts';
import { addCitationPreviews, addCitationPreviewsToBytes, previewSrc, withPreview } from '../../src/lib/citation-preview.ts';
import { setConfiguredBase } from '../../src/lib/urls.ts';

describe('print references', () => {
  it.each([
    ['a single paragraph', '<a href="/en/sources/axios-report/#p5">Axios ¶5</a>', [{ source: 'axios-report', from: 5, to: 5 }]],
    ['a range, read from the words', '<a href="/b/ar/sources/x/#p5">أكسيوس ¶5–7</a>', [{ source: 'x', from: 5, to: 7 }]],
    ['markup inside the link', '<a class="cite__link" href="/en/sources/x/#p9" title="t"><bdi>9–10</bdi></a>', [{ source: 'x', from: 9, to: 10 }]],
    ['a number that is not the range', '<a href="/en/sources/x/#p3">Axios, 2025 ¶3</a>', [{ source: 'x', from: 3, to: 3 }]],
    ['not a citation: a source page, a fragment-only anchor', '<a href="/en/sources/x/">x</a><a href="#p4">4</a>', []],
  ])('citationsInHtml: %s', (_name, html, expected) => {
    expect(citationsInHtml(html)).toEqual(expected);
  });

  it('keeps each reference once, in order of first appearance', () => {
    const a = { source: 'a', from: 1, to: 1 };
    const b = { source: 'b', from: 2, to: 3 };
    expect(uniqueRefs([a, b, { ...a }, { source: 'b', from: 2, to: 2 }])).toEqual([a, b, { source: 'b', from: 2, to: 2 }]);
  });

  it.each([
    ['plain', 'abc', '"abc"'],
    ['quotes and backslashes', 'say "x" \\ y', '"say \\"x\\" \\\\ y"'],
    ['line breaks', 'a\nb', '"a\\A b"'],
    ['no way out of the string', '"}body{display:none', '"\\"}body{display:none"'],
  ])('cssString: %s', (_name, text, expected) => {
    expect(cssString(text)).toBe(expected);
  });

  it('writes one rule per part of each reference; the translation on English pages only', () => {
    const refs = [{ label: 'Axios ¶5', url: 'https://x/en/sources/a/#p5', original: ['نص'], translation: ['Text'] }];
    const en = printReferencesCss('en', refs);
    expect(en).toContain('.print-refs li:nth-child(1)::before{content:"Axios ¶5"}');
    expect(en).toContain('.print-refs li:nth-child(1) span::before{content:"نص"}');
    expect(en).toContain('.print-refs li:nth-child(1) span::after{content:"Text"}');
    expect(en).toContain('.print-refs li:nth-child(1)::after{content:"https://x/en/sources/a/#p5"}');
    expect(printReferencesCss('ar', refs)).not.toContain('span::after');
  });

  it('prints the briefing\'s own address under its headline, label and address apart', () => {
    const css = printReferencesCss('ar', [], { label: 'هذه الإحاطة على الإنترنت:', url: 'https://x/ar/briefings/b/' });
    expect(css).toContain('.print-url::before{content:"هذه الإحاطة على الإنترنت: "}');
    expect(css).toContain('.print-url::after{content:"https://x/ar/briefings/b/"}');
  });
});

describe('citation previews', () => {
  it('gives each link of a citation run its preview frame and leaves other links alone', () => {
    const html = '<p>Text <span class="cites"><a href="/en/sources/axios-report/#p5">Axios ¶5</a> <a href="/en/sources/axios-report/#p9" class="p">¶9</a></span> and <a href="/en/topics/turkey/">Turkey</a> <a href="#p2">2</a>, <a href="/en/sources/axios-report/#p7">as Axios says</a></p>';
    const frame = (n: number) => `<iframe loading="lazy" src="/en/previews/axios-report/#p${n}" title="Preview"></iframe>`;
    expect(addCitationPreviews(html, 'en')).toBe('<p>Text <span class="cites">'
      + `<span tabindex="-1"><a href="/en/sources/axios-report/#p5">Axios ¶5</a>${frame(5)}</span> `
      + `<span tabindex="-1"><a href="/en/sources/axios-report/#p9" class="p">¶9</a>${frame(9)}</span></span>`
      + ' and <a href="/en/topics/turkey/">Turkey</a> <a href="#p2">2</a>, <a href="/en/sources/axios-report/#p7">as Axios says</a></p>');
  });

  it.each([
    ['Arabic text around runs', 'ar', '<p>نص «عربي» <span class="cites"><a href="/ar/sources/x-y/#p12">أكسيوس ¶12–14</a></span> ثم <span class="cites"><a href="/ar/sources/z/#p3">¶3</a></span>.</p>'],
    ['no run at all', 'en', '<p>Only <a href="/en/sources/x/#p1">a link</a> — and «quotes».</p>'],
    ['a run that never ends', 'en', '<p><span class="cites"><a href="/en/sources/x/#p1">¶1</a></p>'],
    ['a run without source links', 'ar', '<span class="cites"><a href="/ar/topics/t/">موضوع</a></span><span class="cites"></span>'],
    ['nested markup and a run at the very end', 'en', '<p>𝒳 <span class="cites"><a class="c" href="/en/sources/x/#p007"><bdi>7</bdi></a></span>'],
  ] as const)('on a page\'s bytes gives the bytes of the same page as text: %s', (_name, lang, html) => {
    const bytes = new TextEncoder().encode(html);
    expect(Buffer.from(addCitationPreviewsToBytes(bytes, lang)).toString('utf8')).toBe(addCitationPreviews(html, lang));
  });

  it('builds each frame as withPreview does, under a base too', () => {
    const link = '<a href="/b&amp;c/ar/sources/x/#p5">أكسيوس ¶5</a>';
    const run = `<span class="cites">${link}</span>`;
    expect(addCitationPreviews(run, 'ar')).toBe(`<span class="cites">${withPreview(link, { lang: 'ar', source: 'x', from: 5 })}</span>`);
    setConfiguredBase('/b&c/');
    try {
      expect(addCitationPreviews(run, 'ar')).toBe(`<span class="cites">${withPreview(link, { lang: 'ar', source: 'x', from: 5 })}</span>`);
      expect(addCitationPreviews(run, 'ar')).toContain('src="/b&amp;c/ar/previews/x/#p5"');
    } finally {
      setConfiguredBase('/');
    }
  });

  it('frames open the preview document on the first cited paragraph', () => {
    expect(previewSrc('ar', 'x', 7)).toBe('/ar/previews/x/#p7');
  });
});
