/**
 * The editor's loop, walked as a new editor would on a copy of the mini fixture: scaffold a new
 * source with `npm run new`, preview the draft in Astro's dev server while the other pages stay
 * normal, watch the open page reload when a content file is saved, see an error in published
 * content open on its own file and line in the overlay, build (the draft is left out, named in
 * one line), fill the draft in, and make each typical mistake once, asserting the message, the
 * file and the line every time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { formatProblems, type ContentProblem } from '../../src/lib/problems.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { copyFixture } from '../helpers/fixture.ts';

const SEED = '005_4f1c2a9b7d3e6f80.txt';
const HEADLINE = 'أكسيوس: تركيا مستعدة لإرسال قوات إلى القوة';
/** Derived by `npm run new` from the topics the headline names (the file name is a hash). */
const ID = 'axios-turkey';
const SRC = `content/sources/${ID}.yaml`;
const TRANSLATION = `content/sources/${ID}.en.yaml`;
const AR = `content/briefings/ar/${ID}.md`;
const EN = `content/briefings/en/${ID}.md`;

const fixture = copyFixture(join(process.cwd(), '.tmp'));
afterAll(() => fixture.cleanup());
const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { env: { ...process.env, BRIEFING_ROOT: fixture.root }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const read = (file: string) => readFileSync(join(fixture.root, file), 'utf8');
const problemsOf = () => loadCorpus(fixture.root).problems;
/** Evaluates `fn` in the page until it returns a value, across the reloads the dev server triggers. */
async function poll<T>(page: Page, fn: () => T | undefined, timeout = 15_000): Promise<T> {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await page.evaluate(fn).catch(() => undefined);
    if (value !== undefined && value !== null) return value as T;
  }
  throw new Error(`nothing after ${timeout} ms: ${fn}`);
}
const find = (problems: ContentProblem[], message: string | RegExp) => problems.find((p) => (typeof message === 'string' ? p.message === message : message.test(p.message)));

describe('a new source, step by step', () => {
  it('scaffold: npm run new derives a readable id, writes a draft and lists what is left, by file and line', () => {
    fixture.write(`seeds/${SEED}`, `${HEADLINE}\n\nقالت مصادر لموقع Axios إن تركيا مستعدة لإرسال قوات إلى القوة.\n\nوأضافت المصادر أن القرار 2803 صدر في 2025-11-17.\n`);
    const made = node('scripts/new-source.mjs', `seeds/${SEED}`);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(`id: ${ID} (from the topics in the headline; pass --id <words> to choose another)`);
    for (const file of [SRC, TRANSLATION, AR, EN]) expect(made.stdout).toContain(`created ${file}`);
    expect(made.stdout).toMatch(new RegExp(`${SRC} +4 TODOs, lines 5, 7, 11, 15\\n`));
    expect(made.stdout).toMatch(new RegExp(`${TRANSLATION} +3 TODOs, lines 4, 6, 8\\n`));
    expect(made.stdout).toContain(`npm run check -- ${ID}`);
    expect(made.stdout).toContain(`http://localhost:4321/en/briefings/${ID}/`);

    // The whole site still passes: a draft cannot fail the check (or the build).
    const all = node('scripts/check-content.mjs');
    expect(all.status, all.stdout).toBe(0);
    expect(all.stdout).toContain(`drafts, left out of the build: source "${ID}" (7 unfinished TODOs); briefing "${ID}" (`);
    // Checking the new source itself lists each TODO with its line and fails until they are done.
    const one = node('scripts/check-content.mjs', ID);
    expect(one.status).toBe(1);
    expect(one.stdout).toContain(`${SRC} (draft source "${ID}": left out of the build)\n   5  error    unfinished: en: "TODO: English translation of the headline"\n`);
    expect(one.stdout).toContain(`${TRANSLATION} (draft source "${ID}": left out of the build)\n   4  error    unfinished: 1: "TODO"\n`);
  });

  describe('in the dev server', () => {
    let dev: DevServer;
    let browser: Browser;
    beforeAll(async () => {
      [dev, browser] = await Promise.all([startDevServer(fixture.root), launchChromium()]);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await dev?.stop();
    });

    it('the draft previews with a banner listing its problems; every other page is normal', async () => {
      for (const path of [`/en/briefings/${ID}/`, `/ar/briefings/${ID}/`, `/en/sources/${ID}/`]) {
        const res = await fetch(dev.url(path));
        // Scoped styles add data-astro-cid-* attributes; what matters is the text.
        const html = (await res.text()).replace(/ data-astro-cid-\w+/g, '');
        expect(res.status, `${path}\n${dev.log()}`).toBe(200);
        expect(html, path).toContain('id="draft-heading"');
        expect(html, path).toContain(`<code>${TRANSLATION}</code>`);
        expect(html, path).toMatch(/line 4:<\/span> unfinished: 1: &quot;TODO&quot;/);
      }
      for (const path of ['/en/briefings/sample/', '/ar/briefings/sample/', '/en/', '/ar/topics/turkey/', '/en/timeline/', '/en/sources/sample/']) {
        const res = await fetch(dev.url(path));
        const html = await res.text();
        expect(res.status, path).toBe(200);
        expect(html, path).not.toContain('id="draft-heading"');
        expect(html, path).toContain('<h1');
      }
    });

    it('saving a content file reloads the open page in Chromium', async () => {
      const page = await browser.newPage();
      await page.goto(dev.url(`/en/sources/${ID}/`));
      await page.waitForFunction(() => document.body.textContent?.includes('unfinished: 1: "TODO"'));
      // The dev server's client connects over a socket; give it a moment to be listening.
      await page.waitForTimeout(500);
      const reloaded = page.waitForEvent('load', { timeout: 15_000 });
      fixture.edit(TRANSLATION, (t) => t.replace('1: "TODO"', `1: "Axios: Turkey ready to send troops to the force"`));
      await reloaded;
      await page.waitForFunction(() => !document.body.textContent?.includes('unfinished: 1: "TODO"'));
      expect(await page.textContent('.source-text')).toContain('Axios: Turkey ready to send troops to the force');
      expect(dev.log()).toContain(`${TRANSLATION} changed: reloading the page`);
      await page.close();
    });

    it('an error in published content opens on its own file and line in the overlay', async () => {
      const page = await browser.newPage();
      await page.goto(dev.url('/en/briefings/sample/'));
      await page.waitForTimeout(500);
      const original = read('content/briefings/en/sample.md');
      // The editor saves a mistake while the page is open: it reloads into the overlay.
      fixture.edit('content/briefings/en/sample.md', (t) => t.replace('[[turkey|Ankara]]', '[[turky|Ankara]]'));
      try {
        const shown = await poll(page, () => {
          const root = document.querySelector('vite-error-overlay')?.shadowRoot;
          const h2 = root?.querySelector<HTMLElement>('#code header h2');
          return h2?.title ? { title: h2.title, message: root!.querySelector('#message-content')!.textContent ?? '' } : undefined;
        });
        expect(shown.title).toBe(`${join(fixture.root, 'content/briefings/en/sample.md')}:23:1`);
        expect(shown.message).toContain('content/briefings/en/sample.md\n  23  error    unknown topic "turky" in [[turky|Ankara]]');
      } finally {
        // Fixing the file brings the page back by itself.
        fixture.write('content/briefings/en/sample.md', original);
      }
      expect(await poll(page, () => (!document.querySelector('vite-error-overlay') && document.querySelector('h1')?.textContent) || undefined)).toBe('Turkey ready to join');
      await page.close();
    });
  });

  it('npm run build leaves the drafts out, naming each in one line', () => {
    const out = join(fixture.root, 'dist');
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...process.env, BRIEFING_ROOT: fixture.root, OUT_DIR: out, CARDS_CACHE: join(fixture.root, '.cards'), SEARCH_CACHE: join(fixture.root, '.search'), IMAGES_CACHE: join(fixture.root, '.images'), FORCE_COLOR: '0' }, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    // Astro's logger colours its labels whenever the environment asks for colour (CI does).
    expect(stripVTControlCharacters(built.stdout)).toMatch(new RegExp(`\\[briefings:editor-loop\\] 2 drafts left out of the build: source "${ID}" \\(6 unfinished TODOs\\); briefing "${ID}" \\(\\d+ unfinished TODOs, its source "${ID}" is a draft\\)\\n`));
    for (const path of [`en/briefings/${ID}`, `ar/briefings/${ID}`, `en/sources/${ID}`]) expect(existsSync(join(out, path)), path).toBe(false);
    for (const path of ['en/briefings/sample/index.html', 'ar/sources/sample/index.html']) expect(existsSync(join(out, path)), path).toBe(true);
  }, 240_000);

  it('filled in, the source and its briefings are published and pass every rule', () => {
    fixture.write(SRC, `seed: ${SEED}
headline:
  ar: "${HEADLINE}"
  en: "Axios: Turkey ready to send troops to the force"
publisher: { name: { ar: "موقع تجريبي", en: "Sample site" } }
published:
  date: "2025-11-20"
  precision: day
  confidence: medium
  inferred: true
  note: { ar: "تاريخ مستنتج للاختبار.", en: "Inferred for the test." }
`);
    fixture.write(TRANSLATION, `paragraphs:
  1: "Axios: Turkey ready to send troops to the force"
  2: "Sources told Axios that Turkey is ready to send troops to the force."
  3: "The sources added that resolution 2803 was adopted on 2025-11-17."
`);
    for (const [lang, file] of [['ar', AR], ['en', EN]] as const) {
      fixture.write(file, read(`content/briefings/${lang}/sample.md`).replace('sources: [sample]', `sources: [${ID}]`).replace('date: "2025-10-30"', 'date: "2025-11-20"'));
    }
    const one = node('scripts/check-content.mjs', ID);
    expect(one.stdout).toBe(`Checking source "${ID}" and the 2 files that cite it.\n\nno problems.\n`);
    expect(one.status).toBe(0);
    expect(loadCorpus(fixture.root).corpus.drafts).toEqual([]);
  });

  /** Each typical mistake once, on the finished source; the file is restored after each. */
  const mistakes: { name: string; file: string; change: (t: string) => string; expect: { file: string; line?: number; message: string | RegExp; fix?: string | RegExp; severity?: 'warning' }[] }[] = [
    { name: 'a summary too short (a rule that lived only in the tests)', file: EN, change: (t) => t.replace(/\nThe sample report is short\..*\n/, '\n'), expect: [{ file: EN, line: 21, message: /^the summary has 1\d\d words; in English a summary runs 200–400$/, fix: /^add about \d+ words of what the source says, with citations$/ }] },
    { name: 'only one key point', file: AR, change: (t) => t.replace(/ {2}- text: .*\n {4}cite: .*\n {2}- text: .*\n {4}cite: .*\nevents:/, 'events:'), expect: [{ file: AR, line: 7, message: "1 key point; a source's briefing has 3–6", fix: 'add 2 more, each with the paragraph(s) it rests on in "cite"' }, { file: EN, line: 7, message: '3 key points here but 1 in the Arabic version (content/briefings/ar/axios-turkey.md:7)' }] },
    { name: 'an Arabic-Indic digit', file: AR, change: (t) => t.replace('وأضافت المصادر تاريخًا', 'وأضافت ٥ مصادر تاريخًا'), expect: [{ file: AR, line: 23, message: 'Arabic-Indic digits: "٥"', fix: 'write Western digits: "5"' }] },
    { name: 'a spelling the register rules out', file: AR, change: (t) => t.replace('موقع أكسيوس الإخباري الأمريكي', 'موقع أكسيوس الإخباري الأميركي'), expect: [{ file: AR, line: 25, message: '"الأميركي": we write "أمريك", not "أميرك" (content/topics/axios.yaml:4)', fix: 'write "الأمريكي"; only a quotation («…», “…”) keeps the source\'s spelling' }] },
    { name: 'an empty headline.ar in the source record', file: SRC, change: (t) => t.replace(`ar: "${HEADLINE}"`, 'ar: ""'), expect: [{ file: SRC, line: 3, message: '"headline.ar" is empty', fix: 'write the Arabic text between the quotes' }] },
    { name: 'one language dated differently from the source', file: EN, change: (t) => t.replace('date: "2025-11-20"', 'date: "2025-11-21"'), expect: [{ file: EN, line: 5, message: 'date "2025-11-21" is not the source\'s published date, "2025-11-20" (content/sources/axios-turkey.yaml:7)', fix: 'change it to date: "2025-11-20" (the source record decides; if the record is wrong, correct it there first)' }] },
    { name: 'an empty title', file: EN, change: (t) => t.replace(/^title: ".*"$/m, 'title: ""'), expect: [{ file: EN, line: 2, message: '"title" is empty', fix: 'write the text between the quotes' }] },
    { name: 'a title with no value', file: EN, change: (t) => t.replace(/^title: ".*"$/m, 'title:'), expect: [{ file: EN, line: 2, message: '"title" has no value', fix: 'write the value after "title:" (text in double quotes), or remove the line if the field is optional' }] },
    { name: 'a citation of a paragraph that does not exist', file: EN, change: (t) => t.replace('cite: ["2"]', 'cite: ["9"]'), expect: [{ file: EN, line: 9, message: 'source "axios-turkey" has 3 paragraphs; there is no paragraph 9', fix: 'cite a paragraph that exists: npm run paragraphs -- axios-turkey lists them' }] },
    { name: 'events: [] (off the timeline)', file: EN, change: (t) => t.replace(/events:\n(?: {2}.*\n)+/, 'events: []\n'), expect: [{ file: EN, line: 14, message: 'no events, so source "axios-turkey" will not appear on the timeline', severity: 'warning' }, { file: EN, line: 14, message: '0 events here but 1 in the Arabic version (content/briefings/ar/axios-turkey.md:14)' }] },
    { name: 'a seed with no source record', file: 'seeds/006_9e8d7c6b5a4f3e21.txt', change: () => 'عنوان\n\nنص.\n', expect: [{ file: 'seeds/006_9e8d7c6b5a4f3e21.txt', message: 'no source record describes this seed, so it is not on the site', fix: 'run npm run new -- seeds/006_9e8d7c6b5a4f3e21.txt to start its source record and briefings', severity: 'warning' }] },
  ];

  it.each(mistakes)('mistake: $name', ({ file, change, expect: expected }) => {
    const path = join(fixture.root, file);
    const before = existsSync(path) ? read(file) : undefined;
    fixture.write(file, change(before ?? ''));
    try {
      const problems = problemsOf();
      for (const e of expected) {
        const found = find(problems, e.message);
        expect(found, `${String(e.message)}\n${formatProblems(problems)}`).toBeDefined();
        expect([found!.file, found!.line]).toEqual([e.file, e.line]);
        if (e.fix) expect(found!.fix).toMatch(typeof e.fix === 'string' ? new RegExp(`^${e.fix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : e.fix);
        expect(found!.severity).toBe(e.severity ?? 'error');
      }
      // One mistake, one message: nothing cascades into other files.
      expect(new Set(problems.map((p) => p.file))).toEqual(new Set(expected.map((e) => e.file)));
      expect(problems.filter((p) => /unknown/.test(p.message))).toEqual([]);
    } finally {
      if (before === undefined) fixture.remove(file);
      else fixture.write(file, before);
    }
    expect(problemsOf()).toEqual([]);
  });

  it('a field error in a record hides no TODO elsewhere', () => {
    const record = read(SRC);
    fixture.edit(TRANSLATION, (t) => t.replace(/ {2}2: ".*"/, '  2: "TODO"'));
    const todos = (problems: ContentProblem[]) => problems.filter((p) => p.message.startsWith('unfinished:')).map((p) => `${p.file}:${p.line}`);
    const before = todos(problemsOf());
    fixture.edit(SRC, (t) => t.replace(`ar: "${HEADLINE}"`, 'ar: ""'));
    const after = problemsOf();
    expect(before).toEqual([`${TRANSLATION}:3`]);
    expect(todos(after)).toEqual(before);
    expect(after.filter((p) => /unknown/.test(p.message))).toEqual([]);
    fixture.write(SRC, record);
  });
});
