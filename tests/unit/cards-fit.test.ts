/**
 * Card text fitting (src/lib/cards/fit.ts) gives what trying every size from the largest, then
 * bisecting the cut, gives, whatever its guesses, in fewer layouts once it has seen a few texts.
 */
import { describe, expect, it } from 'vitest';
import { fitText, type Measure } from '../../src/lib/cards/fit.ts';

/**
 * A stand-in layout: words wrap greedily into lines of 60 units at ordinary spaces (as Pango
 * does, never at a no-break space); a line is `size` tall, lines are `pitch` apart.
 */
function fakeMeasure(): Measure<string> & { layouts: number } {
  const height = (text: string, size: number) => {
    let lines = 1;
    let line = 0;
    for (const word of text.split(/[ \t\n]+/)) {
      const w = ((word.length + 1) * size) / 40;
      if (line + w > 60 && line > 0) {
        lines++;
        line = 0;
      }
      line += w;
    }
    return lines * size + (lines - 1) * Math.round(size * 0.2);
  };
  const m = {
    layouts: 0,
    async height(text: string, size: number) {
      m.layouts++;
      return height(text, size);
    },
    async draw(text: string, size: number) {
      m.layouts++;
      return { height: height(text, size), drawn: `${size}:${text}` };
    },
    async pitch(size: number) {
      return size + Math.round(size * 0.2);
    },
  };
  return m;
}

/** The plain algorithm: every size from the largest, then a bisection over word counts. */
async function reference(text: string, sizes: number[], maxHeight: number): Promise<string | undefined> {
  const m = fakeMeasure();
  if (!text) return undefined;
  for (const size of sizes) if ((await m.height(text, size)) <= maxHeight) return `${size}:${text}`;
  const words = text.split(/\s+/);
  const size = sizes[sizes.length - 1]!;
  let fits: string | undefined;
  let [low, tooLong] = [1, words.length];
  while (low < tooLong) {
    const mid = Math.floor((low + tooLong) / 2);
    const cut = `${words.slice(0, mid).join(' ')}\u00a0…`;
    if ((await m.height(cut, size)) <= maxHeight) {
      fits = `${size}:${cut}`;
      low = mid + 1;
    } else tooLong = mid;
  }
  return fits;
}

/** Deterministic texts of 1 to 120 words. */
function texts(count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 120) }, () => 'x'.repeat(1 + Math.floor(next() * 9))).join(' '));
}

describe('card text fitting', () => {
  it('chooses what the plain algorithm chooses, for titles and cut subtitles', async () => {
    for (const [kind, sizes, room] of [['title', [64, 58, 52, 46, 40, 36], 270], ['subtitle', [32, 29, 26], 120], ['subtitle', [32, 29, 26], 40]] as const) {
      for (const text of texts(300)) {
        expect(await fitText(fakeMeasure(), `test ${kind} ${room}`, text, [...sizes], room)).toBe(await reference(text, [...sizes], room));
      }
    }
  });

  it('needs about two layouts per block once it has seen similar texts', async () => {
    const m = fakeMeasure();
    const list = texts(400);
    for (const text of list) await fitText(m, 'test layouts', text, [32, 29, 26], 120);
    expect(m.layouts / list.length).toBeLessThan(3.5);
  });

  it('cuts texts in rooms of varying height as the plain algorithm does, starting from the lines the room holds', async () => {
    // On a card the subtitle's room depends on the title's height. The cut's first guess counts
    // the lines the room holds (from the whole text's height and the line pitch): 3.2 layouts a
    // block here; 3.7 with the guess from the characters earlier cuts kept alone (fd2a88b).
    const m = fakeMeasure();
    const list = texts(300);
    let seed = 5;
    const rooms = list.map(() => 60 + Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 * 160));
    for (const [i, text] of list.entries()) {
      expect(await fitText(m, 'test rooms', text, [32, 29, 26], rooms[i]!)).toBe(await reference(text, [32, 29, 26], rooms[i]!));
    }
    expect(m.layouts / list.length).toBeLessThan(3.4);
  });

  it('keeps the ellipsis of a cut on the line of its last word (a no-break space before it)', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const cut = (await fitText(fakeMeasure(), 'test nbsp', text, [32, 29, 26], 60))!;
    expect(cut).toMatch(/^26:word0 .*word\d+\u00a0…$/);
    expect(cut).not.toContain(' …');
  });

  it('returns nothing for an empty text', async () => {
    expect(await fitText(fakeMeasure(), 'test empty', '', [32], 100)).toBeUndefined();
  });
});
