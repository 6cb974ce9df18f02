/**
 * A small PNG writer for social cards: 8-bit indexed colour (a palette of at most 256 RGB
 * entries, one byte a pixel) or 8-bit RGB, not interlaced, every row filtered with NONE.
 * Chunks: IHDR, PLTE (indexed only), one IDAT, IEND; CRCs from zlib.crc32 (Node ≥ 20.15 / 22.2).
 *
 * The caller hands over the scanlines as PNG stores them before compression: each row one
 * filter-type byte (0) and then its pixels, so the canvas the card is painted on is compressed
 * as it is, without a copy. The image data is compressed with Node's zlib in one synchronous
 * call on the calling thread: the asynchronous call runs zlib on libuv's pool through a stream
 * that comes back to the JS thread for every 16 KiB of output, and cost more CPU a card
 * (`scripts/bench/cards.mjs`, 1,000 cards, 2026-12-02 10:16 UTC, load 2.0-2.5: 5.09 / 6.02 /
 * 8.47 ms a card asynchronous, 4.56 / 5.21 / 7.15 synchronous, the same bytes); the card
 * process keeps a second card in flight, whose layouts go on in libuv's pool meanwhile. The
 * same scanlines, level and strategy give the same bytes with the same zlib: Node's bundled
 * zlib, and Node is pinned in package.json, as sharp's libpng and zlib-ng were before.
 *
 * Indexed colour is in every PNG decoder (colour type 3 is core PNG, ISO/IEC 15948 and W3C
 * PNG), so a palette card is read wherever a truecolour one is: browsers, Open Graph and
 * Twitter card consumers (they accept PNG and re-encode it for their own previews), sharp.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngImage {
  width: number;
  height: number;
  /** Rows of `1 + width × bytes per pixel` bytes, each led by its filter type (0, NONE). */
  scanlines: Buffer;
  /** RGB triples, at most 256 of them: the image is indexed colour; without it, RGB. */
  palette?: Uint8Array;
}

export interface DeflateOptions {
  level?: number;
  strategy?: number;
}

/**
 * The zlib settings cards use, by measurement (palette scanlines of 100 cards, deflateSync,
 * 2026-12-02, load 3.7): levels 1–3 (zlib's fast matcher) 1.1–1.5 ms a card for 33.3–30.9 KiB,
 * level 4 2.2–2.3 ms 27.1 KiB, level 6 3.6–4.0 ms 26.0 KiB, level 9 45 ms 24.0 KiB; Z_FILTERED
 * the same, Z_RLE 1.0–1.1 ms 33.5 KiB. Level 3 is the smallest of the fast ones.
 */
export const CARD_DEFLATE: Required<DeflateOptions> = { level: 3, strategy: constants.Z_DEFAULT_STRATEGY };

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  // The CRC covers the type and the data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The chunks around the compressed image data. */
function frame(image: PngImage, idat: Uint8Array): Buffer {
  const { width, height, palette } = image;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = palette ? 3 : 2; // colour type: indexed, or RGB
  // compression 0 (deflate), filter method 0, interlace 0 (none): already zero
  const parts = [SIGNATURE, chunk('IHDR', ihdr)];
  if (palette) parts.push(chunk('PLTE', palette));
  parts.push(chunk('IDAT', idat), chunk('IEND', new Uint8Array(0)));
  return Buffer.concat(parts);
}

function check(image: PngImage): void {
  const { width, height, scanlines, palette } = image;
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) throw new Error(`png: bad size ${width}×${height}`);
  const stride = 1 + width * (palette ? 1 : 3);
  if (scanlines.length !== stride * height) throw new Error(`png: ${scanlines.length} bytes of scanlines for ${height} rows of ${stride}`);
  if (palette && (palette.length === 0 || palette.length % 3 !== 0 || palette.length > 768)) throw new Error(`png: a palette of ${palette.length} bytes`);
}

/** Encodes the image (a promise, so a bad image is a rejection, as before). */
export async function encodePng(image: PngImage, options: DeflateOptions = CARD_DEFLATE): Promise<Buffer> {
  check(image);
  return frame(image, deflateSync(image.scanlines, { ...CARD_DEFLATE, ...options }));
}
