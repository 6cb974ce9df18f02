import { describe, expect, it } from 'vitest';
import { splitBidiRuns } from '../../src/lib/bidi.ts';
import { distinctSentences, sentenceAround } from '../../src/lib/sentences.ts';

describe('splitBidiRuns', () => {
  const cases: [string, [string, string][]][] = [
    ['قالت CENTCOM اليوم', [['rtl', 'قالت '], ['latin', 'CENTCOM'], ['rtl', ' اليوم']]],
    ['موقع The Times of Israel.', [['rtl', 'موقع '], ['latin', 'The Times of Israel'], ['rtl', '.']]],
    ['نحو 5,000 جندي', [['rtl', 'نحو '], ['number', '5,000'], ['rtl', ' جندي']]],
    ['نحو 53% من', [['rtl', 'نحو '], ['number', '53%'], ['rtl', ' من']]],
    ['في 2025-12-19', [['rtl', 'في '], ['number', '2025-12-19']]],
    ['القرار 2803 فقط', [['rtl', 'القرار 2803 فقط']]],
    ['نص عربي فقط', [['rtl', 'نص عربي فقط']]],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(splitBidiRuns(text).map((r) => [r.kind, r.text])).toEqual(expected);
  });
  it('never loses text', () => {
    const text = 'A.B. وقال Erdoğan إن 1.5 مليار (UN) ...';
    expect(splitBidiRuns(text).map((r) => r.text).join('')).toBe(text);
  });
});

describe('sentenceAround', () => {
  it.each([
    ['One. Two has it. Three.', 8, 'Two has it.'],
    ['الأولى. الثانية فيها؟ الثالثة.', 10, 'الثانية فيها؟'],
    ['No boundary at all', 3, 'No boundary at all'],
    ['First. Last one', 9, 'Last one'],
  ])('%s @%d', (text, at, expected) => {
    expect(sentenceAround(text, at)).toBe(expected);
  });
});

describe('distinctSentences', () => {
  it('keeps one of two sentences that say the same thing, the longer, in the first place', () => {
    const shorter = 'ذكر تقرير نشرته الشرق أن ويتكوف سيلتقي يوم الجمعة في ميامي مسؤولين من قطر ومصر وتركيا.';
    const longer = 'ذكر تقرير نشرته الشرق أن المبعوث الأمريكي ويتكوف سيلتقي يوم الجمعة في ميامي مسؤولين من قطر ومصر وتركيا، لبحث المرحلة الثانية.';
    expect(distinctSentences([shorter, 'جملة أخرى تمامًا عن موضوع آخر.', longer])).toEqual([longer, 'جملة أخرى تمامًا عن موضوع آخر.']);
  });
  it('ignores diacritics, tatweel and punctuation', () => {
    expect(distinctSentences(['Turkey is ready, sources said.', 'Turkey is ready — sources said!'])).toHaveLength(1);
    expect(distinctSentences(['عضوًا مؤسسًا', 'عضوا مؤسسا'])).toHaveLength(1);
  });
  it('sees through Arabic proclitics and restatements that reorder a sentence', () => {
    // From the Turkey topic page: a key point and the summary sentence it condenses.
    const keyPoint = 'وأكدت المصادر أن تركيا أبدت استعدادها للمشاركة رغم اعتراض إسرائيل على أي وجود عسكري تركي في قطاع غزة، فيما يرى مسؤولون أمريكيون نقل عنهم أكسيوس أن إشراكها إلى جانب مصر وقطر ضروري، باعتبارها من الأطراف القادرة على التواصل مع حماس.';
    const summary = 'ويرى مسؤولون أمريكيون نقل عنهم أكسيوس أن إشراك تركيا إلى جانب مصر وقطر أمر ضروري، باعتبارها من الأطراف القادرة على التواصل مع حماس و«دفعها نحو التصرف بمسؤولية».';
    expect(distinctSentences([keyPoint, summary])).toEqual([keyPoint]);
    const g7 = [
      'The report says the plan has run into obstacles, chief among them Israel–Hamas disputes over the sequence of implementation and US difficulty persuading allies to send troops, and that most G7 countries boycotted the signing of the Board of Peace charter.',
      'It says the plan has run into obstacles, chief among them disputes between Israel and Hamas over the sequence of implementation and US difficulty in persuading allied countries to send troops; it adds that most G7 countries boycotted the signing of the Board of Peace charter.',
    ];
    expect(distinctSentences(g7)).toHaveLength(1);
  });
  it('keeps two statements from one report that share their attribution', () => {
    expect(distinctSentences([
      'According to The Times of Israel and sources cited by Asharq News, the United States does not expect the force to confront Hamas or, at first, to deploy in the "red zone", the western half of the Strip effectively under Hamas control; it would deploy initially along the Yellow Line.',
      'According to The Times of Israel, the Security Council resolution says the force will ensure disarmament, but the United States does not expect it to confront Hamas.',
    ])).toHaveLength(2);
  });
  it('keeps sentences that share only some words', () => {
    expect(distinctSentences(['Turkey is ready to take part in the force.', 'Israel objects to any Turkish role in the force.'])).toHaveLength(2);
  });
});
