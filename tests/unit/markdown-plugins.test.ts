import { describe, expect, it } from 'vitest';
import { render } from '../helpers/render.ts';
import { isSafeHref } from '../../src/markdown/plugins/safe-links.ts';

describe('topic links', () => {
  it.each([
    ['[[turkey]]', 'en', '<a href="/en/topics/turkey/">Turkey</a>'],
    ['[[turkey]]', 'ar', '<a href="/ar/topics/turkey/">تركيا</a>'],
    ['[[turkey|Ankara]]', 'en', '<a href="/en/topics/turkey/">Ankara</a>'],
  ] as const)('%s (%s)', (md, lang, html) => {
    expect(render(md, lang, true).html).toBe(html);
  });

  it.each([
    ['مع و[[turkey]] و', 'مع <a href="/ar/topics/turkey/">وتركيا</a> و'],
    ['دور لـ[[turkey]]', 'دور <a href="/ar/topics/turkey/">لـتركيا</a>'],
    ['بين [[turkey]]', 'بين <a href="/ar/topics/turkey/">تركيا</a>'],
    ['(«[[turkey|أنقرة]]»)', '(«<a href="/ar/topics/turkey/">أنقرة</a>»)'],
  ])('a link covers the whole word, prefix included: %s', (md, html) => {
    expect(render(md, 'ar', true).html).toBe(html);
  });

  it('reports an unknown topic with line and a suggestion, and renders plain text', () => {
    const { html, env } = render('Intro.\n\nSee [[turky]].');
    expect(html).toContain('See turky.');
    expect(env.problems).toHaveLength(1);
    expect(env.problems[0]).toMatchObject({ file: 'content/test.md', line: 12 });
    expect(env.problems[0]!.fix).toContain('did you mean "turkey"');
  });

  it('records the citing sentence for backlinks', () => {
    const { env } = render('First sentence. [[turkey]] is willing, sources said. [@5] Last one.');
    expect(env.mentions).toEqual([{ topic: 'turkey', sentence: 'Turkey is willing, sources said.', line: 10 }]);
  });
});

describe('citations', () => {
  it.each([
    ['[@5]', ['/en/sources/primary/#p5']],
    ['[@5-7]', ['/en/sources/primary/#p5']],
    ['[@5,7]', ['/en/sources/primary/#p5', '/en/sources/primary/#p7']],
    ['[@other:3]', ['/en/sources/other/#p3']],
  ])('%s', (md, hrefs) => {
    const { html, env } = render(md, 'en', true);
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(hrefs);
    expect(html).toMatch(/^<span class="cites"><a href="[^"]+">(Axios|Asharq News) ¶/);
    expect(env.problems).toEqual([]);
  });
  it.each([
    ['en', 'on the ground [@3,4]. Next', 'on the ground\u00a0<span class="cites"><a href="/en/sources/primary/#p3">Axios ¶3</a> <a href="/en/sources/primary/#p4" class="p">¶4</a></span>. Next'],
    ['ar', 'على الأرض [@3-4، other:2]؛ ثم', 'على الأرض\u00a0<span class="cites"><a href="/ar/sources/primary/#p3">أكسيوس ¶3–4</a> <a href="/ar/sources/other/#p2">الشرق ¶2</a></span>؛ ثم'],
  ] as const)('names the outlet and binds to the word before (%s)', (lang, md, html) => {
    expect(render(md, lang, true).html).toBe(html);
  });
  it('leaves no space before the full stop in the quoted sentence', () => {
    const { env } = render('Troops from [[turkey]] are ready [@5]. Next.');
    expect(env.mentions[0]?.sentence).toBe('Troops from Turkey are ready.');
  });
  it('reports a missing paragraph', () => {
    const { env } = render('Text [@12].');
    expect(env.problems[0]?.message).toContain('no paragraph 12');
  });
  it('leaves ordinary links alone', () => {
    expect(render('[text](https://example.org)', 'en', true).html).toContain('href="https://example.org"');
  });
});

describe('heading ids', () => {
  it('uses explicit ids and numbers the rest', () => {
    const { html, env } = render('## Summary {#summary}\n\n## Other\n');
    expect(html).toContain('<h2 id="summary">Summary</h2>');
    expect(html).toContain('<h2 id="section-2">Other</h2>');
    expect(env.headings.map((h) => h.id)).toEqual(['summary', 'section-2']);
  });
  it('gives the same ids in both languages', () => {
    const en = render('## Summary {#summary}\n\n## Gaps {#gaps}').env.headings.map((h) => h.id);
    const ar = render('## الملخص {#summary}\n\n## الثغرات {#gaps}', 'ar').env.headings.map((h) => h.id);
    expect(ar).toEqual(en);
  });
  it('reports duplicates', () => {
    expect(render('## A {#x}\n\n## B {#x}').env.problems[0]?.message).toContain('used twice');
  });
});

describe('safety', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd'])('refuses %s', (url) => {
    expect(isSafeHref(url)).toBe(false);
    expect(render(`[x](${url})`, 'en', true).html).not.toContain('<a');
  });
  it.each(['https://example.org', 'mailto:a@b.org', '../about/', '#p5', '/en/'])('allows %s', (url) => {
    expect(isSafeHref(url)).toBe(true);
  });
  it('escapes raw HTML', () => {
    const { html } = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });
  it('marks external links', () => {
    expect(render('[x](https://example.org)', 'en', true).html).toContain('rel="noopener noreferrer" class="external"');
  });
});

describe('bidi isolation', () => {
  it('isolates Latin runs and numbers in Arabic text', () => {
    const { html } = render('قالت CENTCOM إن نحو 5,000 جندي', 'ar', true);
    expect(html).toBe('قالت <bdi lang="en" dir="ltr">CENTCOM</bdi> إن نحو <bdi dir="ltr">5,000</bdi> جندي');
  });
  it('also inside link text', () => {
    expect(render('[[axios|Axios]]', 'ar', true).html).toContain('<bdi lang="en" dir="ltr">Axios</bdi></a>');
  });
  it('does nothing in English', () => {
    expect(render('CENTCOM 5,000', 'en', true).html).toBe('CENTCOM 5,000');
  });
});

describe('context notes', () => {
  it('renders an aside with a label', () => {
    const { html, env } = render('::: context\nAdopted in 2025. [UN](https://un.org)\n:::\n\nAfter.');
    expect(html).toMatch(/^<aside class="context-note" role="note">\n<p class="context-note__label">Context<\/p>\n<p>Adopted in 2025\. <a href="https:\/\/un\.org"/);
    expect(html).toContain('<p>After.</p>');
    expect(env.problems).toEqual([]);
  });
  it('requires a link saying where the context comes from', () => {
    expect(render('::: context\nNo source here.\n:::').env.problems[0]?.message).toContain('does not say where');
  });
  it('reports an unclosed block', () => {
    expect(render('::: context\n[x](https://a.org)').env.problems[0]?.message).toContain('never closed');
  });
});
