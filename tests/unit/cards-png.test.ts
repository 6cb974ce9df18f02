/**
 * The cards' PNG writer (src/lib/cards/png.ts): tiny images, indexed and RGB, decoded back by
 * sharp pixel for pixel; every chunk's CRC checked against the chunk; the same input gives
 * the same bytes; wrong input is refused.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { constants, crc32, inflateSync } from 'node:zlib';
import { encodePng, type PngImage } from '../../src/lib/cards/png.ts';

/** Scanlines (filter byte NONE before each row) from rows of pixel bytes. */
const scanlines = (rows: number[][]) => Buffer.concat(rows.map((r) => Buffer.from([0, ...r])));

/** The chunks of a PNG: type, data, and whether the stored CRC is the CRC of type + data. */
function chunks(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  let o = 8;
  while (o < png.length) {
    const len = png.readUInt32BE(o);
    const type = png.toString('latin1', o + 4, o + 8);
    out.push({ type, data: png.subarray(o + 8, o + 8 + len), crcOk: png.readUInt32BE(o + 8 + len) === crc32(png.subarray(o + 4, o + 8 + len)) });
    o += 12 + len;
  }
  expect(o).toBe(png.length);
  return out;
}

/** What sharp decodes, as RGB triples row by row. */
async function decode(png: Buffer): Promise<{ width: number; height: number; pixels: number[] }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { width: info.width, height: info.height, pixels: [...data] };
}

const RED = [255, 0, 0];
const WHITE = [255, 255, 255];
const INK = [29, 31, 33];
const PALE = [252, 252, 250];

const cases: { name: string; image: PngImage; expected: number[][] }[] = [
  { name: 'one pixel, one palette entry', image: { width: 1, height: 1, scanlines: scanlines([[0]]), palette: Uint8Array.from(RED) }, expected: [RED] },
  {
    name: '3×2 indexed, three entries',
    image: { width: 3, height: 2, scanlines: scanlines([[0, 1, 2], [2, 1, 0]]), palette: Uint8Array.from([...PALE, ...INK, ...RED]) },
    expected: [PALE, INK, RED, RED, INK, PALE],
  },
  {
    name: '256 palette entries, index 255 used',
    image: {
      width: 4,
      height: 1,
      scanlines: scanlines([[0, 255, 128, 1]]),
      palette: Uint8Array.from({ length: 768 }, (_, i) => (Math.floor(i / 3) * (i % 3 === 0 ? 1 : i % 3 === 1 ? 3 : 7)) & 255),
    },
    expected: [[0, 0, 0], [255, 765 & 255, 1785 & 255], [128, 384 & 255, 896 & 255], [1, 3, 7]],
  },
  { name: '2×2 RGB', image: { width: 2, height: 2, scanlines: scanlines([[...RED, ...WHITE], [...INK, ...PALE]]) }, expected: [RED, WHITE, INK, PALE] },
  {
    name: 'a card-sized row of runs (1200×3 indexed)',
    image: {
      width: 1200,
      height: 3,
      scanlines: scanlines([0, 1, 2].map((y) => Array.from({ length: 1200 }, (_, x) => (x < 16 ? 2 : x > 600 + y ? 1 : 0)))),
      palette: Uint8Array.from([...PALE, ...INK, ...RED]),
    },
    expected: [0, 1, 2].flatMap((y) => Array.from({ length: 1200 }, (_, x) => (x < 16 ? RED : x > 600 + y ? INK : PALE))),
  },
];

describe('card PNG writer', () => {
  it.each(cases)('$name: decodes pixel for pixel, valid chunks', async ({ image, expected }) => {
    const png = await encodePng(image);
    const decoded = await decode(png);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: image.width, height: image.height });
    expect(decoded.pixels).toEqual(expected.flat());

    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(image.palette ? ['IHDR', 'PLTE', 'IDAT', 'IEND'] : ['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([image.width, image.height, 8, image.palette ? 3 : 2, 0, 0, 0]);
    if (image.palette) expect(list[1]!.data.equals(Buffer.from(image.palette))).toBe(true);
    // The image data is the scanlines as given, compressed.
    expect(inflateSync(list.find((c) => c.type === 'IDAT')!.data).equals(image.scanlines)).toBe(true);
    expect((await encodePng(image)).equals(png)).toBe(true);
  });

  it('a CRC is the CRC-32 of the PNG spec (IEND has the well-known AE426082)', async () => {
    const png = await encodePng(cases[0]!.image);
    expect(png.subarray(-4).toString('hex')).toBe('ae426082');
    // A damaged chunk is caught by its CRC.
    const bad = Buffer.from(png);
    bad[bad.length - 20]! ^= 1;
    expect(chunks(bad).every((c) => c.crcOk)).toBe(false);
  });

  it('takes zlib settings; other settings give other bytes of the same image', async () => {
    const image = cases[4]!.image;
    const rle = await encodePng(image, { level: 9, strategy: constants.Z_RLE });
    expect((await decode(rle)).pixels).toEqual(cases[4]!.expected.flat());
    expect(inflateSync(chunks(rle)[2]!.data).equals(image.scanlines)).toBe(true);
  });

  it.each([
    ['scanlines one byte short', { width: 2, height: 1, scanlines: Buffer.from([0, 0]), palette: Uint8Array.from(RED) }, /2 bytes of scanlines for 1 rows of 3/],
    ['RGB scanlines of indexed length', { width: 2, height: 1, scanlines: Buffer.from([0, 0, 0]) }, /3 bytes of scanlines for 1 rows of 7/],
    ['a palette of 257 entries', { width: 1, height: 1, scanlines: Buffer.from([0, 0]), palette: new Uint8Array(771) }, /a palette of 771 bytes/],
    ['a palette not of triples', { width: 1, height: 1, scanlines: Buffer.from([0, 0]), palette: new Uint8Array(4) }, /a palette of 4 bytes/],
    ['no rows', { width: 1, height: 0, scanlines: Buffer.alloc(0), palette: Uint8Array.from(RED) }, /bad size 1×0/],
  ] as const)('refuses %s', async (_, image, message) => {
    await expect(encodePng(image)).rejects.toThrow(message);
  });
});
