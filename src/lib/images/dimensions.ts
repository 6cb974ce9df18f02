/**
 * Intrinsic size of an image file, read from its header without decoding, synchronously, so
 * the Markdown renderer can write width/height attributes (no layout shift).
 * Supports PNG, JPEG, WebP and SVG (width/height or viewBox).
 */
import { readFileSync } from 'node:fs';

export interface Dimensions {
  width: number;
  height: number;
  format: 'png' | 'jpeg' | 'webp' | 'svg';
}

export function imageDimensions(path: string): Dimensions | undefined {
  const buf = readFileSync(path);
  if (buf.subarray(1, 4).toString('latin1') === 'PNG') return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), format: 'png' };
  if (buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i < buf.length) {
      if (buf[i] !== 0xff) return undefined;
      const marker = buf[i + 1]!;
      const length = buf.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), format: 'jpeg' };
      i += 2 + length;
    }
    return undefined;
  }
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') {
    const chunk = buf.subarray(12, 16).toString('latin1');
    if (chunk === 'VP8X') return { width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3), format: 'webp' };
    if (chunk === 'VP8 ') return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff, format: 'webp' };
    if (chunk === 'VP8L') {
      const bits = buf.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, format: 'webp' };
    }
    return undefined;
  }
  const text = buf.subarray(0, 4096).toString('utf8');
  const svg = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (svg) {
    const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)(?:px)?"`).exec(svg)?.[1] ?? NaN);
    const viewBox = /viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(svg);
    const width = num('width') || Number(viewBox?.[1]);
    const height = num('height') || Number(viewBox?.[2]);
    if (width > 0 && height > 0) return { width: Math.round(width), height: Math.round(height), format: 'svg' };
  }
  return undefined;
}
