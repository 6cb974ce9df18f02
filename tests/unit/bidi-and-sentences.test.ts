import { describe, expect, it } from 'vitest';
import { splitBidiRuns } from '../../src/lib/bidi.ts';
import { distinctSentences, isRestatement, likeness, longestSharedChain, sentenceAround } from '../../src/lib/sentences.ts';

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

describe('word runs and chains', () => {
  const w = (s: string) => s.split(' ');
  it.each([
    ['a b c d', 'x b c d y', 3, 3],
    ['a b c d', 'a x b c y d', 2, 4],
    ['a b c d e', 'a x y z b c d e', 4, 4],
    ['a b', 'c d', 0, 0],
    ['', 'a', 0, 0],
  ])('%s / %s: run %d, chain %d (two inserted words at most)', (a, b, run, chain) => {
    expect(longestSharedChain(w(a).filter(Boolean), w(b), 0)).toBe(run);
    expect(longestSharedChain(w(a).filter(Boolean), w(b))).toBe(chain);
  });
});

/**
 * Pairs of excerpts from one briefing shown together on a topic page (the content of this
 * corpus), labelled by reading them: the figures the rule in src/lib/sentences.ts rests on.
 */
describe('isRestatement on the topic pages\' excerpt pairs', () => {
  const cases: [string, string, string, boolean][] = [
    // Restatements the word overlap alone missed (66 % and 68 % overlap).
    ['same opening, words inserted (ar, 4 topic pages)',
      'بحسب مصادر نقل عنها موقع أكسيوس، تضع الولايات المتحدة اللمسات الأخيرة على خطة تتولى القيادة المركزية الأمريكية صياغتها لإنشاء قوة أمنية دولية في قطاع غزة، تشمل قوة جديدة من الشرطة الفلسطينية تتولى الولايات المتحدة ومصر والأردن تدريبها والإشراف عليها.',
      'بحسب مصادر مطلعة نقل عنها موقع أكسيوس الإخباري الأمريكي، تضع الولايات المتحدة اللمسات الأخيرة على خطة لإنشاء قوة أمنية دولية تنتشر في قطاع غزة، في إطار مشاورات مكثفة مع عدد من الدول الإقليمية والدولية.', true],
    ['second half repeated (ar)',
      'بحسب مصادر نقل عنها موقع أكسيوس، تضع الولايات المتحدة اللمسات الأخيرة على خطة تتولى القيادة المركزية الأمريكية صياغتها لإنشاء قوة أمنية دولية في قطاع غزة، تشمل قوة جديدة من الشرطة الفلسطينية تتولى الولايات المتحدة ومصر والأردن تدريبها والإشراف عليها.',
      'وتتولى القيادة المركزية الأمريكية صياغة الخطة وفق المصادر، وهي تشمل تشكيل قوة جديدة من الشرطة الفلسطينية تتولى الولايات المتحدة ومصر والأردن تدريبها والإشراف عليها، على أن تساهم دول أخرى بعناصر دعم عسكري ولوجستي.', true],
    ['a clause, then more (en)',
      'Separately, citing Israeli reports it does not name, the document says the Israeli government was working through Ghassan Alian, head of COGAT, to win over clan leaders and local businessmen at odds with Hamas; it adds that the Gaza families and clans grouping had announced it refused to coordinate with the Israeli government.',
      'It adds that the Gaza families and clans grouping had announced it refused to coordinate with the Israeli government or to bypass “the legitimate authorities in the Strip and the official Palestinian government”.', true],
    ['a short sentence half of a long one (ar)',
      'لا يتحدث أي مصدر عن تعهد مؤكد بإرسال قوات: فبحسب مصادر أكسيوس، أبدت إندونيسيا وأذربيجان ومصر وتركيا استعدادًا مبدئيًا؛ ويقول تحليل غير مؤرَّخ إن الولايات المتحدة تتفاوض لإشراك باكستان.',
      'ويقول تحليل غير مؤرَّخ إن الولايات المتحدة تسعى إلى إقناع باكستان بأداء دور محوري.', true],
    // Different statements that share an attribution, a name or a number.
    ['same attribution, different claims (en)',
      'According to The Times of Israel and sources cited by Asharq News, the United States does not expect the force to confront Hamas or, at first, to deploy in the "red zone", the western half of the Strip effectively under Hamas control; instead, it seeks to deploy the force initially along the Yellow Line.',
      'According to The Times of Israel, the Security Council resolution says the force will ensure disarmament, but the United States does not expect it to confront Hamas.', false],
    ['same resolution, different facts (ar)',
      'وفي تقرير الشرق، يدعو وزير الخارجية المصري بدر عبد العاطي إلى التنفيذ الكامل لقرار مجلس الأمن 2803 والإسراع في نشر القوة.',
      'واعتمد مجلس الأمن الدولي قرار مجلس الأمن 2803 في 17 نوفمبر 2025.', false],
    ['same line, the second explains it (ar)',
      'بحسب تايمز أوف إسرائيل ومصادر نقل عنها تقرير الشرق، لا تتوقع الولايات المتحدة أن تواجه القوة حماس، ولا أن تنتشر في البداية في المنطقة الحمراء، أي النصف الغربي من القطاع الخاضع فعليًا لسيطرة حماس؛ بل تسعى إلى نشرها مبدئيًا على طول الخط الأصفر.',
      'وبدلًا من ذلك، يقول التقرير إن الولايات المتحدة تسعى إلى نشرها مبدئيًا على طول الخط الأصفر، وهو الخط الذي انسحبت إليه إسرائيل مع بداية وقف إطلاق النار في أكتوبر، ما يُبقيها مسيطرة على نحو 53% من مساحة القطاع.', false],
  ];
  it.each(cases)('%s', (_, a, b, expected) => {
    const l = likeness(a, b);
    expect(l.overlap).toBeLessThan(0.7);
    expect(isRestatement(l)).toBe(expected);
    expect(distinctSentences([a, b])).toHaveLength(expected ? 1 : 2);
  });
});
