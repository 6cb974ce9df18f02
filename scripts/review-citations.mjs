#!/usr/bin/env node
// Faithfulness review: for each briefing, every key point (Arabic and English) next to the
// text of the paragraph(s) it cites (original Arabic and our English translation), so a
// reviewer can check in one read that each point says only what its source says. First, for
// any language version or translation that is behind its counterpart (npm run check warns),
// what changed on the other side since they were aligned, word by word.
//   npm run review                 all briefings
//   npm run review -- <id> [...]   some briefings
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { formatProblems, isBlocking } from '../src/lib/problems.ts';
import { printAlignmentReview } from './lib/alignment-history.mjs';

const { corpus, problems } = loadCorpus();
if (problems.some(isBlocking)) {
  console.error(formatProblems(problems.filter(isBlocking)));
  process.exit(1);
}
const only = new Set(process.argv.slice(2));
printAlignmentReview(process.env.BRIEFING_ROOT ?? process.cwd(), corpus, only);
const plain = (html) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const rule = '─'.repeat(100);

for (const en of corpus.briefings.en) {
  if (only.size && !only.has(en.id)) continue;
  const ar = corpus.briefing('ar', en.id);
  console.log(`\n${'═'.repeat(100)}\n${en.id}\n  en: ${en.data.title}\n  ar: ${ar.data.title}`);
  en.keyPoints.forEach((point, i) => {
    console.log(`${rule}\nKey point ${i + 1}\n  en: ${plain(point.html)}\n  ar: ${plain(ar.keyPoints[i].html)}`);
    for (const c of point.citations) {
      const source = corpus.sources.get(c.source);
      for (let n = c.from; n <= c.to; n++) {
        const p = source.paragraphs[n - 1];
        console.log(`  ¶ ${c.source}:${n}\n     ${p.text}\n     ${source.translation.get(n) ?? '(no translation)'}`);
      }
    }
  });
  en.events.forEach((event, i) => {
    console.log(`${rule}\nEvent ${event.date} (${event.status}${event.inferred ? ', inferred' : ''})\n  en: ${plain(event.html)}\n  ar: ${plain(ar.events[i].html)}`);
    for (const c of event.citations) {
      const source = corpus.sources.get(c.source);
      for (let n = c.from; n <= c.to; n++) console.log(`  ¶ ${c.source}:${n}  ${source.translation.get(n) ?? ''}`);
    }
  });
}
