import { describe, expect, it } from 'vitest';
import { createAnalyzer, nameTable, nameWords } from '../../src/lib/search/analyze.ts';
import { buildNameTable, createNameFolder, nameKey, sameName, sound, transliteratedForms } from '../../src/lib/search/names.ts';

/** A small register, as topic names and aliases are written. */
const REGISTER = [
  { ar: ['دونالد ترامب', 'ترمب'], en: ['Donald Trump', 'Trump'] },
  { ar: ['بنيامين نتنياهو'], en: ['Benjamin Netanyahu'] },
  { ar: ['رجب طيب أردوغان'], en: ['Recep Tayyip Erdoğan'] },
  { ar: ['بلومبيرغ'], en: ['Bloomberg'] },
  { ar: ['البنتاغون'], en: ['the Pentagon'] },
  { ar: ['مجلس السلام'], en: ['Board of Peace'] },
  { ar: ['ألمانيا'], en: ['Germany'] },
  { ar: ['مصر'], en: ['Egypt'] },
  { ar: ['بدر عبد العاطي'], en: ['Badr Abdelatty'] },
  { ar: ['الشيخ محمد بن عبد الرحمن آل ثاني'], en: ['Sheikh Mohammed bin Abdulrahman Al Thani'] },
  { ar: ['خليل الحية'], en: ['Khalil al-Hayya'] },
  { ar: ['باكستان'], en: ['Pakistan'] },
  { ar: ['جو بايدن'], en: ['Joe Biden'] },
];
const words = REGISTER.map((t) => ({ ar: t.ar.flatMap(nameWords), en: t.en.flatMap(nameWords) }));
const analyzer = createAnalyzer(nameTable(words));
const term = (q: string) => analyzer.queryTerms(q).join(' ');

describe('names: transliteration variants by rule', () => {
  it('tells transliterated names from translated ones by how they sound', () => {
    expect(sound('ترامب')).toBe(sound('trump'));
    expect(sound('بلومبيرغ')).toBe(sound('bloomberg'));
    const forms = transliteratedForms(words);
    expect(forms).toEqual(expect.arrayContaining(['ترامب', 'trump', 'نتنياهو', 'بنتاغون', 'pentagon', 'باكستان']));
    // Translated names are not name forms, so their common words fold nothing.
    for (const w of ['مجلس', 'سلام', 'board', 'peace', 'المانيا', 'germany']) expect(forms).not.toContain(w);
  });

  it.each([
    ['ترمب', 'ترامب'],
    ['نتانياهو', 'نتنياهو'],
    ['اردوجان', 'اردوغان'],
    ['بلومبرغ', 'بلومبيرغ'],
    ['بلومبيرج', 'بلومبيرغ'],
    ['بنتاجون', 'بنتاغون'],
    ['بايدين', 'بايدن'],
    ['witkof', 'witkoff'],
    ['muhammad', 'mohammed'],
    ['aty', 'atty'],
  ])('%s is the name %s', (variant, name) => {
    expect(sameName(variant, name)).toBe(true);
    expect(nameKey(variant)).toBe(nameKey(name));
  });

  it.each([
    ['مصير', 'مصر'],
    ['بدن', 'بايدن'],
    ['تركوا', 'تركيا'],
    ['homes', 'hamas'],
  ])('%s is not read as the name %s', (word, name) => {
    // Names shorter than four letters are no name forms; a word needs four letters to lose vowels.
    expect(createNameFolder(buildNameTable([name]))(word)).toBe(word);
  });

  it('folds every spelling of a name to the one the register lists first', () => {
    const fold = createNameFolder(buildNameTable(['ترامب', 'ترمب', 'نتنياهو']));
    expect(fold('ترمب')).toBe('ترامب');
    expect(fold('ترامب')).toBe('ترامب');
    expect(fold('نتانياهو')).toBe('نتنياهو');
    expect(fold('مجلس')).toBe('مجلس');
  });
});

describe('analyzer: one analysis for index, query and excerpts', () => {
  it.each([
    ['ترمب', 'ترامب'],
    ['لترامب', 'ترامب'],
    ['وبلومبرغ', 'بلومبيرغ'],
    ['والبنتاجون', 'بنتاغون'],
    ['الباكستانية', 'باكستانيه'],
    ['القوة', 'قوه'],
    ['Erdoğan', 'erdogan'],
    ['Witkof', 'witkof'],
  ])('%s → %s', (word, expected) => {
    expect(term(word)).toBe(expected);
  });

  it('stops stripping clitics at a name, where plain stripping would eat its first letters', () => {
    expect(analyzer.token('بلومبرغ')).toBe('بلومبيرغ');
    expect(analyzer.token('بايدن')).toBe('بايدن');
  });

  it('meets عبدالرحمن and عبد الرحمن, Abdelaty and Abdel Aty', () => {
    expect(term('عبدالرحمن')).toBe(term('عبد الرحمن'));
    expect(analyzer.token('عبدالرحمن')).toBe('عبد-رحمن');
    expect(term('Abdelaty')).toBe(term('Abdel Aty'));
    expect(term('Abdelatty')).toBe('abdel atty');
  });

  it('reads each part of a hyphenated name', () => {
    expect(term('al-Haya')).toBe('al-hayya');
  });

  it('gives each original word one token, so positions map back', () => {
    const text = 'قال ترمب: «إن القوة — بقيادة أمريكية — ستنتشر».';
    expect(analyzer.tokens(text)).toHaveLength(text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
  });
});
