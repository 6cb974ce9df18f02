/**
 * Draws one 1200×630 social card with sharp. Text is laid out by Pango (through libvips), which
 * shapes and joins Arabic, orders Latin runs and numbers inside it (Unicode bidi) and wraps at
 * word boundaries; the fonts come from npm packages (fonts.ts). Arabic cards read from the
 * right edge, English cards from the left.
 *
 * Each text block takes the largest of its sizes whose layout fits its height, else the
 * smallest size cut at a word with "…" (fit.ts decides with as few layouts as it can). The
 * chosen layout is rendered once, as a one-band coverage mask, and painted in its colour onto
 * a canvas equal to the background (drawn once per reading direction; canvases are reused and
 * the painted rows put back after each card).
 *
 * The card has few colours: the background, the rule, the accent bar, and three text colours
 * anti-aliased over the background. So the canvas holds palette indices, one byte a pixel (a
 * third of RGB's bytes to compress), and png.ts writes an indexed-colour PNG with Node's zlib;
 * sharp no longer encodes it. Each text colour has 84 coverage levels in the palette (see
 * PALETTE): against the exact blend a channel is at most 2 of 255 off, which cannot be seen.
 * Indexed colour is core PNG: browsers and Open Graph / Twitter card consumers read it as they
 * read RGB PNG. Text is only painted over the background (the layout keeps blocks apart);
 * if texts ever overlap, the card is drawn in RGB with exact blends instead. Nothing here
 * reads the clock or the machine: the same card is the same bytes on every build.
 */
import sharp, { type Sharp } from 'sharp';
import { LOCALES } from '../../i18n/locales.ts';
import { fitText, type Measure } from './fit.ts';
import { CARD_FONTS } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import { Memo } from './memo.ts';
import { encodePng } from './png.ts';
import type { CardSpec } from './specs.ts';

const MARGIN = 72;
const TEXT_WIDTH = CARD_WIDTH - MARGIN * 2;
const FOOTER_TOP = CARD_HEIGHT - MARGIN - 44;
const COLORS = { bg: '#fcfcfa', ink: '#1d1f21', muted: '#4f565d', accent: '#0b5c6b', rule: '#d9dcd6' } as const;
const TITLE_SIZES = [64, 58, 52, 46, 40, 36];
const SUBTITLE_SIZES = [32, 29, 26];

// Cards are drawn one per core by the caller; libvips' own thread pool and operation cache
// would only add contention and memory across thousands of cards.
sharp.concurrency(1);
sharp.cache(false);

let registered: Promise<void> | undefined;
/** libvips registers a font file with fontconfig the first time it is used. */
function registerFonts(): Promise<void> {
  registered ??= Promise.all(
    Object.values(CARD_FONTS).map((f) => sharp({ text: { text: '.', font: `${f.family} 12`, fontfile: f.file } }).png().toBuffer()),
  ).then(() => undefined);
  return registered;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Style {
  rtl: boolean;
  bold: boolean;
}

/** A laid-out text block: ink coverage per pixel, 0–255, one byte per pixel. */
interface Mask {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * A layout to measure only is drawn in invisible ink: the whole text in one span of foreground
 * alpha 1/65535. Alpha is a colour attribute, not a shaping one: one span over all of the text
 * splits no run, so Pango itemizes, shapes and wraps it as it does the plain text, and its ink
 * extents (the image's size) are the same. Cairo then skips the glyphs (a source that clear,
 * painted OVER, changes nothing), so no glyph is rasterized or composited: a third less CPU
 * a measurement (100 titles and subtitles of the bench, 0.74 -> 0.48 ms, the same sizes).
 */
const INVISIBLE = ['<span fgalpha="1">', '</span>'] as const;

function layout(text: string, { rtl, bold }: Style, size: number, measureOnly = false): Sharp {
  const families = rtl ? 'Noto Naskh Arabic, Noto Sans' : 'Noto Sans, Noto Naskh Arabic';
  const font = rtl ? (bold ? CARD_FONTS.arabicBold : CARD_FONTS.arabicRegular) : bold ? CARD_FONTS.latinBold : CARD_FONTS.latinRegular;
  // A leading RLM / LRM fixes the paragraph direction even when the text starts with a Latin
  // name (Arabic) or an Arabic one (English). Pango mirrors "left" to mean the start side.
  const mark = rtl ? '\u200F' : '\u200E';
  return sharp({
    text: {
      text: measureOnly ? `${INVISIBLE[0]}${mark}${escape(text)}${INVISIBLE[1]}` : `${mark}${escape(text)}`,
      font: `${families} ${bold ? 'Bold' : 'Regular'} ${size}`,
      fontfile: font.file,
      width: TEXT_WIDTH,
      wrap: 'word',
      align: 'left',
      dpi: 72,
      spacing: Math.round(size * (bold ? 0.2 : 0.3)),
    },
  });
}

/**
 * A layout's size as libvips makes it (its ink extents), measured in invisible ink or drawn,
 * never kept: the unit tests check the two agree.
 */
export async function layoutExtent(text: string, style: Style, size: number, measureOnly: boolean): Promise<{ width: number; height: number }> {
  await registerFonts();
  const { width, height } = await layout(text, style, size, measureOnly).metadata();
  return { width: width!, height: height! };
}

/** A layout's identity: its text, style and size (the width, wrapping and spacing follow from them). */
const layoutKey = (text: string, { rtl, bold }: Style, size: number) => `${rtl ? 'r' : 'l'}${bold ? 'b' : 'r'}${size} ${text}`;

/**
 * Layouts already made in this process. Every layout measured or drawn leaves its height (kept
 * by the length of its key: about 2 MB of text at most); a layout drawn a second time, or
 * drawn after it was measured, keeps its mask (at most 16 MB of masks). So a text that comes
 * back (a subtitle several pages share, a text measured and then drawn) is laid out once, and
 * a title drawn once is not kept: most titles are never drawn again. Labels, the site name
 * and dates are kept apart (`repeated`), so fitted blocks never push them out.
 */
const heights = new Memo<number>(1 << 20, (_, key) => key.length);
const masks = new Memo<Mask>(16 << 20, (m) => m.data.length);
/** One-line texts that repeat across cards: a few KB each (the 1,098 dates of the 1,000-source bench about 10 MB). */
const repeated = new Memo<Mask>(24 << 20, (m) => m.data.length);

async function drawMask(text: string, style: Style, size: number): Promise<Mask> {
  await registerFonts();
  const { data, info } = await layout(text, style, size).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Draws a layout, from `masks` when it is there; kept there when it was laid out before (`heights` has it). */
function drawLayout(text: string, style: Style, size: number): Promise<Mask> {
  const key = layoutKey(text, style, size);
  const seen = heights.peek(key) !== undefined;
  const mask = masks.peek(key) ?? (seen ? masks.get(key, () => drawMask(text, style, size)) : drawMask(text, style, size));
  if (!seen) void heights.get(key, async () => (await mask).height);
  return mask;
}

/** Lays the text out and draws it (the mask) or only measures it (its height). */
const measure = (style: Style): Measure<Mask> => ({
  async height(text, size) {
    const key = layoutKey(text, style, size);
    const drawn = masks.peek(key);
    if (drawn) return (await drawn).height;
    return heights.get(key, async () => {
      await registerFonts();
      return (await layout(text, style, size, true).metadata()).height!;
    });
  },
  async draw(text, size) {
    const drawn = await drawLayout(text, style, size);
    return { height: drawn.height, drawn };
  },
  pitch: (size) => pitch(style, size),
});

/** Line to line at a size: a font metric, the same for every card (measured once per process). */
const pitches = new Map<string, Promise<number>>();
function pitch(style: Style, size: number): Promise<number> {
  const key = JSON.stringify([style.rtl, style.bold, size]);
  let p = pitches.get(key);
  if (!p) {
    const m = measure(style);
    const word = style.rtl ? 'كلمة' : 'word';
    pitches.set(key, (p = Promise.all([m.height(word, size), m.height(`${word}\n${word}`, size)]).then(([one, two]) => two - one)));
  }
  return p;
}

/** Labels, the site name and dates repeat across cards: each is drawn once per process. */
const repeatedMask = (text: string, style: Style, size: number): Promise<Mask> => repeated.get(layoutKey(text, style, size), () => drawMask(text, style, size));

const rgb = (hex: string): [number, number, number] => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
const mix = (under: number, over: number, coverage: number) => under + Math.round(((over - under) * coverage) / 255);

/**
 * The palette: the background (index 0), the footer rule, and per text colour a ramp of that
 * colour over the background at LEVELS coverages, the last being the colour itself (the accent
 * bar is the accent ramp's last entry). 2 + 3 × 84 = 254 of the 256 entries. A mask's
 * coverage (0–255) takes the nearest level: at most 1.5/255 of coverage off, which is at most
 * 2 of 255 in any channel of the blended colour (from the background to a text colour a
 * channel moves at most 241; measured on 100 cards: 1.3% of channels 1 off, 0.02% 2 off).
 */
const LEVELS = 84;
const TEXT_COLORS = ['accent', 'ink', 'muted'] as const;
type TextColor = (typeof TEXT_COLORS)[number];
const BG = 0;
const RULE = 1;
const firstLevel = (color: TextColor) => 2 + TEXT_COLORS.indexOf(color) * LEVELS;
const ACCENT = firstLevel('accent') + LEVELS - 1;
const PALETTE = new Uint8Array(3 * (2 + TEXT_COLORS.length * LEVELS));
/** Per text colour, coverage 0–255 → palette index. */
const INDEX = new Map<TextColor, Uint8Array>();
{
  const bg = rgb(COLORS.bg);
  PALETTE.set(bg, BG * 3);
  PALETTE.set(rgb(COLORS.rule), RULE * 3);
  for (const color of TEXT_COLORS) {
    const c = rgb(COLORS[color]);
    for (let k = 1; k <= LEVELS; k++) {
      const coverage = Math.round((k * 255) / LEVELS);
      PALETTE.set([0, 1, 2].map((i) => mix(bg[i]!, c[i]!, coverage)), (firstLevel(color) + k - 1) * 3);
    }
    const table = new Uint8Array(256);
    for (let a = 0; a < 256; a++) {
      const k = Math.round((a * LEVELS) / 255);
      table[a] = k === 0 ? BG : firstLevel(color) + k - 1;
    }
    INDEX.set(color, table);
  }
}

/** A canvas row as PNG stores it: the filter-type byte (0, NONE), then a palette index a pixel. */
const ROW = 1 + CARD_WIDTH;

/** The card without text, one per reading direction: background, accent bar, footer rule. */
const backgrounds = new Map<boolean, Buffer>();
function background(rtl: boolean): Buffer {
  let canvas = backgrounds.get(rtl);
  if (canvas) return canvas;
  // All zeros: every row's filter byte is NONE and every pixel the background.
  const pixels = Buffer.alloc(ROW * CARD_HEIGHT);
  const fill = (x0: number, y0: number, w: number, h: number, index: number) => {
    for (let y = y0; y < y0 + h; y++) pixels.fill(index, y * ROW + 1 + x0, y * ROW + 1 + x0 + w);
  };
  // The accent bar stands on the reading side: right for Arabic, left for English.
  fill(rtl ? CARD_WIDTH - 16 : 0, 0, 16, CARD_HEIGHT, ACCENT);
  fill(MARGIN, FOOTER_TOP - 20, TEXT_WIDTH, 2, RULE);
  backgrounds.set(rtl, (canvas = pixels));
  return canvas;
}

/**
 * Canvases not in use, per reading direction, each equal to its background: one per card in
 * flight, reused card after card.
 */
const spare = new Map<boolean, Buffer[]>();
function spares(rtl: boolean): Buffer[] {
  let list = spare.get(rtl);
  if (!list) spare.set(rtl, (list = []));
  return list;
}

/** The first position from `from` (before `end`) with any ink, or `end`. */
function nextInk(data: Buffer, words: Uint32Array | undefined, from: number, end: number): number {
  let i = from;
  if (words) {
    // Four empty pixels at a time where the row is blank.
    while (i < end && i & 3 && data[i] === 0) i++;
    if (!(i & 3)) while (i + 4 <= end && words[i >> 2] === 0) i += 4;
  }
  while (i < end && data[i] === 0) i++;
  return i;
}

/** A text block placed on the card. */
interface Block {
  mask: Mask;
  left: number;
  top: number;
  color: TextColor;
}

/** The part of a block on the card (a word longer than a line sticks out of its layout). */
function clip({ mask, left, top }: Block) {
  return { x0: Math.max(0, -left), x1: Math.min(mask.width, CARD_WIDTH - left), y0: Math.max(0, -top), y1: Math.min(mask.height, CARD_HEIGHT - top) };
}

/**
 * Paints a block onto the palette canvas: each pixel takes its colour's ramp entry for its
 * coverage. Text is only ever painted over the background in the cards' layout (the blocks
 * stand apart vertically, inside the margins, away from the bar and the rule); where it would
 * fall on anything else (a site name and a date that together are wider than the line), the
 * palette has no entry for the blend: returns false, and the card is drawn in RGB instead.
 * A word wider than the card runs off its edge away from the bar and is clipped there.
 */
function paint(canvas: Buffer, block: Block): boolean {
  const { data, width } = block.mask;
  const table = INDEX.get(block.color)!;
  const { x0, x1, y0, y1 } = clip(block);
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    const shift = (block.top + y) * ROW + 1 + block.left - row;
    // Most of a text block is empty: jump from ink to ink.
    for (let i = nextInk(data, words, row + x0, row + x1); i < row + x1; i = nextInk(data, words, i + 1, row + x1)) {
      if (canvas[i + shift] !== BG) return false;
      canvas[i + shift] = table[data[i]!]!;
    }
  }
  return true;
}

/**
 * The card in RGB, where texts overlap: the background from the palette canvas, then each
 * block blended over what is under it by its coverage, exactly (no palette levels).
 */
function truecolour(rtl: boolean, blocks: Block[]): Buffer {
  const indexed = background(rtl);
  const rgbRow = 1 + CARD_WIDTH * 3;
  const pixels = Buffer.alloc(rgbRow * CARD_HEIGHT);
  for (let y = 0; y < CARD_HEIGHT; y++) {
    for (let x = 0; x < CARD_WIDTH; x++) {
      const index = indexed[y * ROW + 1 + x]!;
      pixels.set(PALETTE.subarray(index * 3, index * 3 + 3), y * rgbRow + 1 + x * 3);
    }
  }
  for (const block of blocks) {
    const color = rgb(COLORS[block.color]);
    const { data, width } = block.mask;
    const { x0, x1, y0, y1 } = clip(block);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const coverage = data[y * width + x]!;
        const at = (block.top + y) * rgbRow + 1 + (block.left + x) * 3;
        for (let c = 0; c < 3; c++) pixels[at + c] = mix(pixels[at + c]!, color[c]!, coverage);
      }
    }
  }
  return pixels;
}

export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const rtl = LOCALES[spec.lang].dir === 'rtl';
  const x = (w: number) => (rtl ? CARD_WIDTH - MARGIN - w : MARGIN);
  const label = await repeatedMask(spec.label, { rtl, bold: true }, 28);
  const titleTop = MARGIN + label.height + 20;
  const title = (await fitText(measure({ rtl, bold: true }), `title ${spec.lang}`, spec.title, TITLE_SIZES, 270))!;
  const subtitleTop = titleTop + title.height + 18;
  const subtitle = await fitText(measure({ rtl, bold: false }), `subtitle ${spec.lang}`, spec.subtitle, SUBTITLE_SIZES, FOOTER_TOP - 28 - subtitleTop);
  const site = await repeatedMask(spec.siteName, { rtl, bold: true }, 30);
  const date = spec.date ? await repeatedMask(spec.date, { rtl, bold: false }, 28) : undefined;
  const blocks: Block[] = [
    { mask: label, left: x(label.width), top: MARGIN, color: 'accent' },
    { mask: title, left: x(title.width), top: titleTop, color: 'ink' },
    ...(subtitle ? [{ mask: subtitle, left: x(subtitle.width), top: subtitleTop, color: 'muted' as const }] : []),
    { mask: site, left: x(site.width), top: FOOTER_TOP, color: 'accent' },
    ...(date ? [{ mask: date, left: rtl ? MARGIN : CARD_WIDTH - MARGIN - date.width, top: FOOTER_TOP + 2, color: 'muted' as const }] : []),
  ];

  // A canvas from the spare ones (a fresh buffer costs more CPU than the painting: the kernel
  // faults in every page of it); its painted rows are put back to the background once the PNG
  // is encoded (a failed card drops its canvas).
  const canvas = spares(rtl).pop() ?? Buffer.from(background(rtl));
  let painted = 0;
  while (painted < blocks.length && paint(canvas, blocks[painted]!)) painted++;
  const overlap = painted < blocks.length;
  const restore = () => {
    const clean = background(rtl);
    for (const block of blocks.slice(0, painted + 1)) {
      const { y0, y1 } = clip(block);
      if (y1 > y0) clean.copy(canvas, (block.top + y0) * ROW, (block.top + y0) * ROW, (block.top + y1) * ROW);
    }
    spares(rtl).push(canvas);
  };
  if (overlap) {
    restore();
    return encodePng({ width: CARD_WIDTH, height: CARD_HEIGHT, scanlines: truecolour(rtl, blocks) });
  }
  const png = await encodePng({ width: CARD_WIDTH, height: CARD_HEIGHT, scanlines: canvas, palette: PALETTE });
  restore();
  return png;
}
