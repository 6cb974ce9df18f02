import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCards, startCards } from '../../src/lib/cards/build.ts';
import { cardHash, type CardSpec } from '../../src/lib/cards/specs.ts';

const dir = mkdtempSync(join(tmpdir(), 'cards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (lang: 'ar' | 'en', title: string): CardSpec => ({
  lang,
  path: `/og/${lang}/briefings/x.png`,
  label: lang === 'ar' ? 'إحاطة' : 'Briefing',
  title,
  subtitle: lang === 'ar' ? 'قالت مصادر لموقع Axios إن نحو 5,000 جندي قد ينتشرون.' : 'Sources told Axios that about 5,000 troops may deploy.',
  date: lang === 'ar' ? '18 ديسمبر 2025' : '18 December 2025',
  siteName: 'ISF',
  alt: title,
});

describe('card cache', () => {
  it('renders each card once; an unchanged card is reused and a changed title re-renders', async () => {
    const specs = [spec('ar', 'تركيا مستعدة للمشاركة في CENTCOM'), spec('en', 'Turkey ready to take part')];
    const first = await buildCards(specs, join(dir, 'out'), join(dir, 'cache'));
    expect(first).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    const second = await buildCards(specs, join(dir, 'out'), join(dir, 'cache'));
    expect(second).toMatchObject({ rendered: 0, cached: 2 });
    const before = readFileSync(join(dir, 'out', specs[1]!.path));
    const renamed = spec('en', 'Turkey ready to join');
    const changed = await buildCards([specs[0]!, renamed], join(dir, 'out'), join(dir, 'cache'));
    expect(changed).toMatchObject({ rendered: 1, cached: 1 });
    // A name already in the output folder now names the changed card; the old card's file is not written.
    expect(statSync(join(dir, 'out', renamed.path)).ino).toBe(statSync(join(dir, 'cache', `${cardHash(renamed)}.png`)).ino);
    expect(readFileSync(join(dir, 'cache', `${cardHash(specs[1]!)}.png`)).equals(before)).toBe(true);
  }, 60_000);

  it('renders in a child process the same bytes as in this one, and copies every card', async () => {
    const specs = [spec('ar', 'تركيا مستعدة للمشاركة في قوة الاستقرار الدولية في غزة إذا طلبت الأطراف ذلك'), spec('en', 'Turkey says it is ready to take part')];
    const here = await buildCards(specs, join(dir, 'here'), join(dir, 'cache-here'));
    const there = await startCards(specs, join(dir, 'cache-there')).finish(join(dir, 'there'));
    expect(there).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    expect(there.cpuMs).toBeGreaterThan(0);
    for (const s of specs) expect(readFileSync(join(dir, 'there', s.path)).equals(readFileSync(join(dir, 'here', s.path)))).toBe(true);
    expect(here.rendered).toBe(2);
  }, 60_000);

  it('draws the same card whatever card was drawn before it (canvases are reused)', async () => {
    const { renderCard } = await import('../../src/lib/cards/render.ts');
    for (const lang of ['ar', 'en'] as const) {
      const short = { ...spec(lang, lang === 'ar' ? 'تركيا' : 'Turkey'), subtitle: '', date: '' };
      const long = spec(lang, lang === 'ar' ? 'تركيا مستعدة للمشاركة في قوة الاستقرار الدولية في غزة إذا طلبت الأطراف ذلك وفق مصادر متعددة' : 'Turkey says it is ready to take part in the International Stabilization Force for Gaza if the parties ask');
      const first = await renderCard(short);
      const other = await renderCard(long);
      expect((await renderCard(short)).equals(first)).toBe(true);
      expect(other.equals(first)).toBe(false);
    }
  }, 60_000);

  it.each([
    // [text, right to left, bold, size]: both scripts, each weight, one line and several,
    // markup characters, a word longer than the line, a no-break space before an ellipsis.
    ['تركيا مستعدة للمشاركة في قوة الاستقرار الدولية في غزة إذا طلبت الأطراف ذلك وفق مصادر متعددة', true, true, 58],
    ['قالت مصادر لموقع Axios إن نحو 5,000 جندي قد ينتشرون <قريبًا> & بعد موافقة مجلس الأمن', true, false, 26],
    ['إحاطة', true, true, 28],
    ['Turkey says it is ready to take part in the International Stabilization Force for Gaza if the parties ask', false, true, 64],
    ['Sources told Axios that about 5,000 troops <may> deploy & "soon", in Gaza (غزة) by\u00a0…', false, false, 29],
    ['Supercalifragilisticexpialidocious'.repeat(3), false, true, 36],
    ['18 December 2025', false, false, 28],
  ] as const)('a layout measured in invisible ink has the size of the drawn one: %s', async (text, rtl, bold, size) => {
    const { layoutExtent } = await import('../../src/lib/cards/render.ts');
    const style = { rtl, bold };
    const drawn = await layoutExtent(text, style, size, false);
    expect(drawn.height).toBeGreaterThan(0);
    expect(await layoutExtent(text, style, size, true)).toEqual(drawn);
  }, 60_000);

  it('hashes what a card shows', () => {
    expect(cardHash(spec('en', 'A'))).toBe(cardHash(spec('en', 'A')));
    expect(cardHash(spec('en', 'A'))).not.toBe(cardHash(spec('en', 'B')));
  });
});

/** A card decoded by sharp: RGB, 3 bytes a pixel. */
async function decode(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  return { data, info, at };
}

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const BG = hex('#fcfcfa');
const ACCENT = hex('#0b5c6b');
const MUTED = hex('#4f565d');
const INK = hex('#1d1f21');

/** Whether a colour is, within 3 of 255 a channel, one text colour over the background at some coverage. */
function onARamp(color: number[], texts: number[][]): boolean {
  return texts.some((t) => Array.from({ length: 256 }, (_, a) => a).some((a) => color.every((c, i) => Math.abs(c - (BG[i]! + ((t[i]! - BG[i]!) * a) / 255)) <= 3)));
}

/** Colours in rows y0..y1 (x 24..1176, inside the bar) that no single text colour over the background makes. */
function blendsOfTwo(card: Awaited<ReturnType<typeof decode>>, y0: number, y1: number, texts: number[][]): number {
  const seen = new Map<string, boolean>();
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = 24; x < 1176; x++) {
      const c = card.at(x, y);
      const key = c.join();
      if (!seen.has(key)) seen.set(key, onARamp(c, texts));
      if (!seen.get(key)) count++;
    }
  }
  return count;
}

describe('card pixels', () => {
  it('a card decodes (sharp) to 1200×630 with its bar and its text on the reading side', async () => {
    const { renderCard } = await import('../../src/lib/cards/render.ts');
    for (const lang of ['ar', 'en'] as const) {
      const card = await decode(await renderCard({ ...spec(lang, lang === 'ar' ? 'تركيا مستعدة للمشاركة' : 'Turkey is ready'), subtitle: '' }));
      expect([card.info.width, card.info.height]).toEqual([1200, 630]);
      const barX = lang === 'ar' ? 1190 : 5;
      for (const y of [0, 300, 629]) expect(card.at(barX, y), `${lang} bar`).toEqual(ACCENT);
      expect(card.at(lang === 'ar' ? 5 : 1190, 300), `${lang} no bar`).toEqual(BG);
      // The title's ink (dark pixels) starts at the margin on the reading side.
      let left = 1200;
      let right = 0;
      for (let y = 120; y < 400; y++) {
        for (let x = 24; x < 1176; x++) {
          if (card.at(x, y)[0]! < 100) {
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        }
      }
      if (lang === 'ar') expect([right > 1110 && right < 1128, left > 500], `ar ink ${left}–${right}`).toEqual([true, true]);
      else expect([left >= 72 && left < 90, right < 700], `en ink ${left}–${right}`).toEqual([true, true]);
      // Every pixel of the footer is the background or one text colour over it.
      expect(blendsOfTwo(card, 500, 630, [ACCENT, MUTED])).toBe(0);
      expect(card.at(600, 495)).toEqual(hex('#d9dcd6'));
    }
  }, 60_000);

  it('where texts overlap (a site name as long as the line over the date), each is blended over what is under it', async () => {
    const { renderCard } = await import('../../src/lib/cards/render.ts');
    for (const lang of ['ar', 'en'] as const) {
      const long = { ...spec(lang, lang === 'ar' ? 'تركيا' : 'Turkey'), siteName: lang === 'ar' ? 'إحاطات قوة الاستقرار الدولية في غزة '.repeat(2) + 'ومصادرها' : 'Briefings on the International Stabilization Force for Gaza and sources' };
      const png = await renderCard(long);
      expect((await renderCard(long)).equals(png)).toBe(true);
      const card = await decode(png);
      // Accent text under muted text: colours on neither ramp, only where the two overlap.
      expect(blendsOfTwo(card, 500, 630, [ACCENT, MUTED]), lang).toBeGreaterThan(0);
      expect(blendsOfTwo(card, 0, 500, [ACCENT, MUTED, INK]), lang).toBe(0);
    }
  }, 60_000);

  it('a word wider than the card is cut at the card edge, not wrapped onto the next row', async () => {
    const { renderCard } = await import('../../src/lib/cards/render.ts');
    const card = await decode(await renderCard({ ...spec('en', 'Supercalifragilisticexpialidocious'.repeat(3)), subtitle: '' }));
    for (let y = 0; y < 630; y++) for (let x = 0; x < 16; x++) expect(card.at(x, y), `${x},${y}`).toEqual(ACCENT);
    // The title runs to the right edge.
    let inked = 0;
    for (let y = 120; y < 220; y++) if (card.at(1199, y)[0]! < 128) inked++;
    expect(inked).toBeGreaterThan(0);
  }, 60_000);
});
