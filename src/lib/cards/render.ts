/**
 * Draws one 1200×630 social card with sharp. Text is laid out by Pango (through libvips), which
 * shapes and joins Arabic, orders Latin runs and numbers inside it (Unicode bidi) and wraps at
 * word boundaries; the fonts come from npm packages (fonts.ts). Arabic cards read from the
 * right edge, English cards from the left; each text block is measured and shrunk until it fits,
 * so nothing is clipped.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { LOCALES } from '../../i18n/locales.ts';
import { CARD_FONTS } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import type { CardSpec } from './specs.ts';

const MARGIN = 72;
const TEXT_WIDTH = CARD_WIDTH - MARGIN * 2;
const COLORS = { bg: '#fcfcfa', ink: '#1d1f21', muted: '#4f565d', accent: '#0b5c6b', rule: '#d9dcd6' };

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

interface TextBlock {
  input: Buffer;
  width: number;
  height: number;
}

/** Labels and the site name repeat on every card: lay each out once per build. */
const repeated = new Map<string, Promise<TextBlock>>();
function repeatedBlock(text: string, rtl: boolean, bold: boolean, size: number, color: string): Promise<TextBlock> {
  const key = JSON.stringify([text, rtl, bold, size, color]);
  let block = repeated.get(key);
  if (!block) repeated.set(key, (block = textBlock(text, rtl, bold, size, color)));
  return block;
}

async function textBlock(text: string, rtl: boolean, bold: boolean, size: number, color: string): Promise<TextBlock> {
  await registerFonts();
  const families = rtl ? 'Noto Naskh Arabic, Noto Sans' : 'Noto Sans, Noto Naskh Arabic';
  const font = rtl ? (bold ? CARD_FONTS.arabicBold : CARD_FONTS.arabicRegular) : bold ? CARD_FONTS.latinBold : CARD_FONTS.latinRegular;
  // A leading RLM / LRM fixes the paragraph direction even when the text starts with a Latin
  // name (Arabic) or an Arabic one (English). Pango mirrors "left" to mean the start side.
  const mark = rtl ? '\u200F' : '\u200E';
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${color}">${mark}${escape(text)}</span>`,
      font: `${families} ${bold ? 'Bold' : 'Regular'} ${size}`,
      fontfile: font.file,
      width: TEXT_WIDTH,
      wrap: 'word',
      align: 'left',
      rgba: true,
      dpi: 72,
      spacing: Math.round(size * (bold ? 0.2 : 0.3)),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** The largest size from `sizes` whose block fits `maxHeight`; else the smallest, cut to fit. */
async function fitted(text: string, rtl: boolean, bold: boolean, sizes: number[], maxHeight: number, color: string): Promise<TextBlock | undefined> {
  if (!text) return undefined;
  for (const size of sizes) {
    const block = await textBlock(text, rtl, bold, size, color);
    if (block.height <= maxHeight) return block;
  }
  // Too long even at the smallest size: keep the longest run of whole words that fits,
  // found by bisection (each try is a full layout, so trying word by word is too slow).
  const words = text.split(/\s+/);
  const size = sizes[sizes.length - 1]!;
  let [fits, tooLong]: [TextBlock | undefined, number] = [undefined, words.length];
  let low = 1;
  while (low < tooLong) {
    const mid = Math.floor((low + tooLong) / 2);
    const block = await textBlock(`${words.slice(0, mid).join(' ')} …`, rtl, bold, size, color);
    if (block.height <= maxHeight) {
      fits = block;
      low = mid + 1;
    } else tooLong = mid;
  }
  return fits;
}

export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const rtl = LOCALES[spec.lang].dir === 'rtl';
  const x = (w: number) => (rtl ? CARD_WIDTH - MARGIN - w : MARGIN);
  const footerTop = CARD_HEIGHT - MARGIN - 44;
  const label = await repeatedBlock(spec.label, rtl, true, 28, COLORS.accent);
  const titleTop = MARGIN + label.height + 20;
  const title = (await fitted(spec.title, rtl, true, [64, 58, 52, 46, 40, 36], 270, COLORS.ink))!;
  const subtitleTop = titleTop + title.height + 18;
  const subtitle = await fitted(spec.subtitle, rtl, false, [32, 29, 26], footerTop - 28 - subtitleTop, COLORS.muted);
  const site = await repeatedBlock(spec.siteName, rtl, true, 30, COLORS.accent);
  const date = spec.date ? await textBlock(spec.date, rtl, false, 28, COLORS.muted) : undefined;

  // The accent bar stands on the reading side: right for Arabic, left for English.
  const bar = `<rect x="${rtl ? CARD_WIDTH - 16 : 0}" y="0" width="16" height="${CARD_HEIGHT}" fill="${COLORS.accent}"/>`;
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"><rect width="100%" height="100%" fill="${COLORS.bg}"/>${bar}<rect x="${MARGIN}" y="${footerTop - 20}" width="${TEXT_WIDTH}" height="2" fill="${COLORS.rule}"/></svg>`,
  );
  const layers: OverlayOptions[] = [
    { input: label.input, left: x(label.width), top: MARGIN },
    { input: title.input, left: x(title.width), top: titleTop },
    ...(subtitle ? [{ input: subtitle.input, left: x(subtitle.width), top: subtitleTop }] : []),
    { input: site.input, left: x(site.width), top: footerTop },
    ...(date ? [{ input: date.input, left: rtl ? MARGIN : CARD_WIDTH - MARGIN - date.width, top: footerTop + 2 }] : []),
  ];
  // Level 6: about a fifth of level 9's encoding time for files some 15% larger.
  return sharp(background).composite(layers).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}
