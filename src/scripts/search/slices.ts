/**
 * Long work of the search page in slices, so the main thread answers the reader between them
 * (typing, scrolling, a tap on a result) instead of being held for hundreds of milliseconds on a
 * slow phone. Building excerpts reads whole pages' words (a source is thousands of them, and a
 * query naming a topic reads every section to mark its names); done in one go for a screen of
 * results, it was one task of 100–500 ms at a mid-range phone's speed (Chromium, 4× CPU
 * slowdown).
 */
import { beats, excerptOf, excerptSections, formedTerms, readSection, sectionWords, type Excerpt, type ExcerptOptions, type ReadSection, type Word } from '../../lib/search/excerpt.ts';
import type { Analyzer } from '../../lib/search/analyze.ts';
import type { PageData } from '../../lib/search/index-document.ts';

/** Work between two yields: a tenth of the 50 ms after which a task delays the reader. */
const SLICE_MS = 5;

interface Scheduler {
  yield(): Promise<void>;
}
const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Lets the browser run what waits (input, rendering) and resumes in a new task. scheduler.yield
 * resumes before other queued work of the same priority where the browser has it; elsewhere a
 * message, which, unlike a chain of zero timeouts, is not clamped to 4 ms each.
 */
export function yieldToBrowser(): Promise<void> {
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * buildExcerpt (src/lib/search/excerpt.ts) in slices, from a task of its own: the same sections
 * read in the same order, the same best section and window, so the same excerpt; once a slice has
 * run SLICE_MS, the browser gets the main thread back before the next word. Resolves to false
 * as soon as `current` says the search was replaced (the rest is not read).
 */
export async function excerptInSlices(page: PageData, analyzer: Analyzer, positions: Iterable<number>, options: ExcerptOptions, current: () => boolean): Promise<Excerpt | undefined | false> {
  const at = new Set(positions);
  let best: ReadSection | undefined;
  // Each excerpt starts in a task of its own: the one that delivered the page's data has worked already.
  await yieldToBrowser();
  if (!current()) return false;
  let start = performance.now();
  // Once a slice has run SLICE_MS (due), the browser's turn (pause: false when the search was replaced meanwhile).
  const due = () => performance.now() - start > SLICE_MS;
  const pause = async () => {
    await yieldToBrowser();
    start = performance.now();
    return current();
  };
  const read = new Map<number, Word[]>();
  for (const i of excerptSections(page, at, options)) {
    // A section's words are first read one by one (a long paragraph of unseen Arabic words is tens
    // of milliseconds); the analyzer remembers their tokens, so sectionWords then finds them read.
    for (const word of page.s[i]![2].split(/\s+/u)) {
      if (due() && !(await pause())) return false;
      if (word) analyzer.token(word);
    }
    read.set(i, sectionWords(page.s[i]![2], page.s[i]![3], analyzer));
  }
  // Which query words have a form on the page is known once every section read is (word-forms.ts).
  const formed = options.formed ?? formedTerms(read.values(), at, options.terms ?? []);
  for (const [i, words] of read) {
    if (due() && !(await pause())) return false;
    const section = readSection(page, i, analyzer, at, { ...options, formed }, words);
    if (beats(section, best)) best = section;
  }
  return best && excerptOf(page, best, options);
}
