/**
 * Fits a text block into a height: the largest of `sizes` (largest first) whose layout is at most
 * `maxHeight` tall; when even the smallest is too tall, the longest run of whole words, plus
 * " …", that fits at the smallest size. The space before "…" is a no-break space, so the
 * ellipsis never wraps onto a line of its own.
 *
 * A layout grows with the font size and with the text, so the answer does not depend on which
 * layouts are tried, only the cost does: each is a full Pango layout. The size is guessed from
 * what texts of nearly the same length got before (per kind of block), drawn at once, and
 * certified by measuring its neighbours (the next larger size must not fit); a cut starts from
 * the lines its room holds (counted from the whole text's height and the line pitch) times the
 * characters per line earlier cuts kept, and closes in from there. Most cards take one drawn
 * layout and one measured layout per block.
 */
export interface Measure<T> {
  /** Height of the laid-out text, without drawing it. */
  height(text: string, size: number): Promise<number>;
  /** Lays out and draws the text. */
  draw(text: string, size: number): Promise<{ height: number; drawn: T }>;
  /** From one line to the next at this size (a line's height plus the spacing): a cut's first guess counts lines. */
  pitch(size: number): Promise<number>;
}

/** Per kind of block: [text length, chosen size index] seen so far, sorted by length. */
const history = new Map<string, [number, number][]>();

function guess(kind: string, length: number): number | undefined {
  const seen = history.get(kind);
  if (!seen?.length) return undefined;
  let lo = 0;
  let hi = seen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seen[mid]![0] < length) lo = mid + 1;
    else hi = mid;
  }
  const after = seen[Math.min(lo, seen.length - 1)]!;
  const before = seen[Math.max(lo - 1, 0)]!;
  return (length - before[0] <= after[0] - length ? before : after)[1];
}

function remember(kind: string, length: number, index: number): void {
  const seen = history.get(kind) ?? [];
  let i = seen.length;
  while (i > 0 && seen[i - 1]![0] > length) i--;
  seen.splice(i, 0, [length, index]);
  // Enough to guess well; bounded so a long build does not keep growing it.
  if (seen.length > 2000) seen.splice(i === 0 ? 1 : i - 1, 1);
  history.set(kind, seen);
}

export async function fitText<T>(measure: Measure<T>, kind: string, text: string, sizes: number[], maxHeight: number): Promise<T | undefined> {
  if (!text) return undefined;
  const n = sizes.length;
  // The history is per kind and per room (in steps of 20 px): a block with less room takes
  // smaller sizes for the same length.
  const key = `${kind} ${Math.floor(maxHeight / 20)}`;
  const heights = new Map<number, number>();
  let drawn: { index: number; value: T } | undefined;
  const fits = async (i: number, draw: boolean): Promise<boolean> => {
    if (draw) {
      const r = await measure.draw(text, sizes[i]!);
      heights.set(i, r.height);
      drawn = { index: i, value: r.drawn };
    } else if (!heights.has(i)) heights.set(i, await measure.height(text, sizes[i]!));
    return heights.get(i)! <= maxHeight;
  };

  // chosen: the first index that fits, or n when none does. Heights are remembered, so the
  // walk up below costs nothing where the walk down already measured the next larger size.
  const first = guess(key, text.length) ?? 0;
  let chosen: number;
  if (first < n && (await fits(first, true))) chosen = first;
  else if (first >= n) chosen = (await fits(n - 1, false)) ? n - 1 : n;
  else {
    // The guess was too large: the next size is usually the one, so it is drawn (the same
    // layout as measuring it, and no second layout to draw it once it is chosen).
    chosen = first + 1;
    while (chosen < n && !(await fits(chosen, chosen === first + 1))) chosen++;
  }
  while (chosen > 0 && chosen < n && (await fits(chosen - 1, false))) chosen--;
  remember(key, text.length, chosen);
  if (chosen < n) return drawn?.index === chosen ? drawn.value : (await measure.draw(text, sizes[chosen]!)).drawn;
  return cut(measure, key, text, sizes[n - 1]!, maxHeight, heights.get(n - 1)!);
}

/** Per kind of block and room: characters per line the cuts so far kept (the latest 64). */
const perLine = new Map<string, number[]>();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * How many lines of a text fit the room, and how many it has in all, from the height of all
 * of it: a layout's height is its ink, from the top of its first line to the bottom of its
 * last, the lines a pitch apart.
 */
async function lineCounts<T>(measure: Measure<T>, size: number, maxHeight: number, fullHeight: number): Promise<{ room: number; all: number }> {
  const pitch = await measure.pitch(size);
  const all = 1 + Math.floor(fullHeight / pitch);
  // The ink of one line's top to another's bottom, as this text has it.
  const ink = fullHeight - (all - 1) * pitch;
  return { room: Math.max(1, 1 + Math.floor((maxHeight - ink) / pitch)), all };
}

/** A no-break space: the ellipsis stays on its last word's line. */
const NBSP = '\u00a0';

/** The longest run of whole words (at least one, fewer than all) that fits with " …". */
async function cut<T>(measure: Measure<T>, key: string, text: string, size: number, maxHeight: number, fullHeight: number): Promise<T | undefined> {
  const words = text.split(/\s+/);
  const prefix = (k: number) => `${words.slice(0, k).join(' ')}${NBSP}…`;
  const known = new Map<number, boolean>();
  let drawn: { k: number; value: T } | undefined;
  const fits = async (k: number, draw = false) => {
    if (draw) {
      const r = await measure.draw(prefix(k), size);
      drawn = { k, value: r.drawn };
      known.set(k, r.height <= maxHeight);
    } else if (!known.has(k)) known.set(k, (await measure.height(prefix(k), size)) <= maxHeight);
    return known.get(k)!;
  };
  const last = words.length - 1;
  if (last < 1) return undefined;
  // Start from the lines the room holds times the characters per line that earlier cuts in
  // the same room kept (else this text's own: its last line is half full, on average), drawn
  // at once (it is usually the answer), then gallop and bisect: lo fits (or is 0), hi does not
  // (or is past the last candidate).
  const lines = await lineCounts(measure, size, maxHeight, fullHeight);
  const seen = perLine.get(key);
  const budget = lines.room * (seen?.length ? median(seen) : text.length / Math.max(1, lines.all - 0.5));
  let start = 1;
  while (start < last && prefix(start + 1).length - 2 <= budget) start++;
  let lo: number;
  let hi: number;
  if (await fits(start, true)) {
    lo = start;
    let step = 1;
    while (lo + step <= last && (await fits(lo + step))) {
      lo += step;
      step *= 2;
    }
    hi = Math.min(lo + step, last + 1);
  } else {
    hi = start;
    let step = 1;
    while (hi - step >= 1 && !(await fits(hi - step))) {
      hi -= step;
      step *= 2;
    }
    lo = Math.max(hi - step, 0);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await fits(mid)) lo = mid;
    else hi = mid;
  }
  if (lo === 0) return undefined;
  const list = perLine.get(key) ?? [];
  list.push((prefix(lo).length - 2) / lines.room);
  if (list.length > 64) list.shift();
  perLine.set(key, list);
  return drawn?.k === lo ? drawn.value : (await measure.draw(prefix(lo), size)).drawn;
}
