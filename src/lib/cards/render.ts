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
 * the painted rows put back after each card); sharp encodes the PNG. Nothing
 * here reads the clock or the machine: the same card is the same bytes on every build.
 */
import sharp, { type Sharp } from 'sharp';
import { LOCALES } from '../../i18n/locales.ts';
import { fitText, type Measure } from './fit.ts';
import { CARD_FONTS } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
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

interface Style {
  rtl: boolean;
  bold: boolean;
}

/** A laid-out text block: ink coverage per pixel, 0–255, one byte per pixel. */
interface Mask {
  data: Buffer;
  width: number;
  height: number;
}

function layout(text: string, { rtl, bold }: Style, size: number): Sharp {
  const families = rtl ? 'Noto Naskh Arabic, Noto Sans' : 'Noto Sans, Noto Naskh Arabic';
  const font = rtl ? (bold ? CARD_FONTS.arabicBold : CARD_FONTS.arabicRegular) : bold ? CARD_FONTS.latinBold : CARD_FONTS.latinRegular;
  // A leading RLM / LRM fixes the paragraph direction even when the text starts with a Latin
  // name (Arabic) or an Arabic one (English). Pango mirrors "left" to mean the start side.
  const mark = rtl ? '\u200F' : '\u200E';
  return sharp({
    text: {
      text: `${mark}${escape(text)}`,
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

/** Lays the text out and draws it (the mask) or only measures it (its height). */
const measure = (style: Style): Measure<Mask> => ({
  async height(text, size) {
    await registerFonts();
    return (await layout(text, style, size).metadata()).height!;
  },
  async draw(text, size) {
    await registerFonts();
    const { data, info } = await layout(text, style, size).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return { height: info.height, drawn: { data, width: info.width, height: info.height } };
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
const repeated = new Map<string, Promise<Mask>>();
function repeatedMask(text: string, style: Style, size: number): Promise<Mask> {
  const key = JSON.stringify([text, style.rtl, style.bold, size]);
  let mask = repeated.get(key);
  if (!mask) repeated.set(key, (mask = measure(style).draw(text, size).then((r) => r.drawn)));
  return mask;
}

const rgb = (hex: string): [number, number, number] => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/** The card without text, one per reading direction: background, accent bar, footer rule. */
const backgrounds = new Map<boolean, Buffer>();
function background(rtl: boolean): Buffer {
  let canvas = backgrounds.get(rtl);
  if (canvas) return canvas;
  const pixels = Buffer.alloc(CARD_WIDTH * CARD_HEIGHT * 3);
  const fill = (x0: number, y0: number, w: number, h: number, hex: string) => {
    const color = rgb(hex);
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) pixels.set(color, (y * CARD_WIDTH + x) * 3);
  };
  fill(0, 0, CARD_WIDTH, CARD_HEIGHT, COLORS.bg);
  // The accent bar stands on the reading side: right for Arabic, left for English.
  fill(rtl ? CARD_WIDTH - 16 : 0, 0, 16, CARD_HEIGHT, COLORS.accent);
  fill(MARGIN, FOOTER_TOP - 20, TEXT_WIDTH, 2, COLORS.rule);
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

const mix = (under: number, over: number, coverage: number) => under + Math.round(((over - under) * coverage) / 255);

/** Per text colour: that colour over the background at each coverage (text sits on the background). */
const overBackground = new Map<string, Uint8Array>();
function blends(hex: string): Uint8Array {
  let table = overBackground.get(hex);
  if (table) return table;
  const [bg, color] = [rgb(COLORS.bg), rgb(hex)];
  table = new Uint8Array(256 * 3);
  for (let a = 0; a < 256; a++) for (let c = 0; c < 3; c++) table[a * 3 + c] = mix(bg[c]!, color[c]!, a);
  overBackground.set(hex, table);
  return table;
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

/** Paints a mask in one colour onto the canvas (RGB): each pixel moves towards the colour by its coverage. */
function paint(canvas: Buffer, mask: Mask, left: number, top: number, hex: string): void {
  const color = rgb(hex);
  const table = blends(hex);
  const [r, g, b] = rgb(COLORS.bg);
  const { data, width, height } = mask;
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Most of a text block is empty: jump from ink to ink.
    for (let x = 0; x < width; x++) {
      const from = row + x;
      const coverage = data[from]!;
      if (coverage === 0) {
        x = nextInk(data, words, from, row + width) - row - 1;
        continue;
      }
      const at = ((top + y) * CARD_WIDTH + left + x) * 3;
      if (canvas[at] === r && canvas[at + 1] === g && canvas[at + 2] === b) {
        canvas[at] = table[coverage * 3]!;
        canvas[at + 1] = table[coverage * 3 + 1]!;
        canvas[at + 2] = table[coverage * 3 + 2]!;
      } else for (let c = 0; c < 3; c++) canvas[at + c] = mix(canvas[at + c]!, color[c]!, coverage);
    }
  }
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

  // A canvas from the spare ones (a fresh 2.3 MB buffer costs more CPU than the rest of the
  // painting: the kernel faults in every page of it); each block painted is recorded, and its
  // rows are put back to the background once the PNG is encoded.
  const canvas = spares(rtl).pop() ?? Buffer.from(background(rtl));
  const painted: [top: number, height: number][] = [];
  const put = (mask: Mask, left: number, top: number, hex: string) => {
    paint(canvas, mask, left, top, hex);
    painted.push([top, mask.height]);
  };
  put(label, x(label.width), MARGIN, COLORS.accent);
  put(title, x(title.width), titleTop, COLORS.ink);
  if (subtitle) put(subtitle, x(subtitle.width), subtitleTop, COLORS.muted);
  put(site, x(site.width), FOOTER_TOP, COLORS.accent);
  if (date) put(date, rtl ? MARGIN : CARD_WIDTH - MARGIN - date.width, FOOTER_TOP + 2, COLORS.muted);
  // RGB (the card is opaque) at zlib level 4 without adaptive filtering: about 60% of level 6's
  // encoding time for files some 5% larger.
  const png = await sharp(canvas, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } }).png({ compressionLevel: 4, adaptiveFiltering: false }).toBuffer();
  // Only after the encoding has read it (a failed card drops its canvas).
  const clean = background(rtl);
  for (const [top, height] of painted) clean.copy(canvas, top * CARD_WIDTH * 3, top * CARD_WIDTH * 3, (top + height) * CARD_WIDTH * 3);
  spares(rtl).push(canvas);
  return png;
}
