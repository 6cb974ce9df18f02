import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWord, queryTerms } from '../../src/lib/search/normalize.ts';

describe('normalizeWord: spelling variants meet', () => {
  it.each([
    ['قوة', 'قوه'],
    ['قوه', 'قوه'],
    ['القوة', 'قوه'],
    ['وغزة', 'غزه'],
    ['غزة', 'غزه'],
    ['بغزة', 'غزه'],
    ['للقوة', 'قوه'],
    ['والقوة', 'قوه'],
    ['فبالقوة', 'قوه'],
    ['إسرائيل', 'اسراييل'],
    ['وإسرائيل', 'اسراييل'],
    ['أمريكا', 'امريكا'],
    ['مصطفى', 'مصطفي'],
    ['مسؤول', 'مسوول'],
    ['قُوَّة', 'قوه'],
    ['قـــوة', 'قوه'],
    ['«حماس»', 'حماس'],
    ['Erdoğan', 'erdogan'],
    ['Türkiye', 'turkiye'],
    ['CENTCOM,', 'centcom'],
    ['2803', '2803'],
  ])('%s → %s', (word, expected) => {
    expect(normalizeWord(word)).toBe(expected);
  });

  it.each([
    ['ولد', 'ولد'],
    ['بلد', 'بلد'],
    ['الى', 'الي'],
    ['لها', 'لها'],
  ])('keeps short words whole: %s → %s', (word, expected) => {
    expect(normalizeWord(word)).toBe(expected);
  });

  it('maps each word to one word', () => {
    const text = 'وقالت مصادر لموقع أكسيوس إن القوة ستنتشر في غزة.';
    expect(normalizeText(text).split(' ')).toHaveLength(text.split(' ').length);
  });

  it('is idempotent, so index and query agree', () => {
    for (const w of ['والقوة', 'بالإسرائيليين', 'فلسطين', 'Erdoğan', 'للأمم']) expect(normalizeWord(normalizeWord(w))).toBe(normalizeWord(w));
  });

  it('normalises queries the same way', () => {
    expect(queryTerms('  القوة   الدولية ')).toEqual(['قوه', 'دوليه']);
  });
});
