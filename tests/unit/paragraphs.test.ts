import { describe, expect, it } from 'vitest';
import { classifyParagraph, splitParagraphs } from '../../src/lib/paragraphs.ts';

describe('splitParagraphs', () => {
  const cases: [string, string, string[]][] = [
    ['single newlines', 'a\nb\nc', ['a', 'b', 'c']],
    ['blank lines do not shift numbers', 'a\n\n\nb\n\nc', ['a', 'b', 'c']],
    ['whitespace-only lines are blank', 'a\n   \n\t\nb', ['a', 'b']],
    ['CRLF and BOM', '\uFEFFa\r\nb\r\n\r\nc\r\n', ['a', 'b', 'c']],
    ['old Mac CR', 'a\rb', ['a', 'b']],
    ['trims stray spaces and marks', '  a  \n\u200Fb\u200E ', ['a', 'b']],
    ['empty document', '\n\n  \n', []],
  ];
  it.each(cases)('%s', (_, raw, expected) => {
    expect(splitParagraphs(raw).map((p) => p.text)).toEqual(expected);
  });

  it('numbers from 1 and remembers seed lines', () => {
    const ps = splitParagraphs('x\n\ny\n');
    expect(ps.map((p) => [p.n, p.line])).toEqual([[1, 1], [2, 3]]);
  });

  it('is stable under reformatting', () => {
    const a = splitParagraphs('one.\ntwo.\nthree.');
    const b = splitParagraphs('\n\none.   \n\n\ntwo.\r\n \nthree.\n\n\n');
    expect(b).toEqual(a.map((p, i) => ({ ...p, line: b[i]!.line })));
  });
});

describe('classifyParagraph', () => {
  it.each([
    ['دول مرشحة للمشاركة في القوة', 'short'],
    ['ونقل الموقع عن أحد المشاركين في إعداد الخطة قوله:', 'text'],
    ['A full sentence that ends with a period.', 'text'],
    ['المصدر: وكالات', 'short'],
  ] as const)('%s → %s', (text, kind) => {
    expect(classifyParagraph(text)).toBe(kind);
  });
});
