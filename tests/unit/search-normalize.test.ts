import { describe, expect, it } from 'vitest';
import { cliticChain, normalizeText, normalizeWord } from '../../src/lib/search/normalize.ts';

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
    ['إسرائيل', 'اسراءيل'],
    ['وإسرائيل', 'اسراءيل'],
    ['أمريكا', 'امريكا'],
    ['مصطفى', 'مصطفي'],
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
    ['قُوَّة', 'قوه'],
    ['قـــوة', 'قوه'],
    ['«حماس»', 'حماس'],
    ['٢٨٠٣', '2803'],
    ['Erdoğan', 'erdogan'],
    ['Türkiye', 'turkiye'],
    ['CENTCOM,', 'centcom'],
    ["Hamas's", 'hamas'],
    ['stabilisation', 'stabilization'],
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

  it.each([
    ['فترة', 'لفترة'],
    ['وزير', 'الوزير'],
    ['وزير', 'ووزير'],
    ['فلسطينية', 'الفلسطينية'],
    ['واشنطن', 'لواشنطن'],
    ['تركيا', 'وبتركيا'],
  ])('a word and the word with a clitic meet, even when its first letter looks like one: %s, %s', (bare, prefixed) => {
    expect(normalizeWord(prefixed)).toBe(normalizeWord(bare));
  });

  it('strips one clitic at a time', () => {
    expect(cliticChain('والقوه')).toEqual(['والقوه', 'القوه', 'قوه']);
  });

  it('maps each word to one word', () => {
    const text = 'وقالت مصادر لموقع أكسيوس إن القوة ستنتشر في غزة.';
    expect(normalizeText(text).split(' ')).toHaveLength(text.split(' ').length);
  });

  it('is idempotent, so index and query agree', () => {
    for (const w of ['والقوة', 'بالإسرائيليين', 'فلسطين', 'Erdoğan', 'للأمم']) expect(normalizeWord(normalizeWord(w))).toBe(normalizeWord(w));
  });
});
