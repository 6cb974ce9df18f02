/**
 * A bounded memo of promised values: `get(key, make)` calls `make` once per key while the key is
 * kept, and every caller of that key shares its promise (two cards in flight that ask for the
 * same layout wait for one). Each settled value has a cost (its bytes, say); once the total
 * passes the budget, the least recently used values go first. A rejected promise is dropped at
 * once, so a failure is never remembered.
 *
 * Social cards keep their Pango layouts in it: a layout is a pure function of its text, style
 * and size, and the same texts come back card after card (labels, the site name, dates, and
 * texts measured or drawn again while a block is fitted), so a kept layout gives the same
 * bytes as a new one.
 */
export class Memo<T> {
  readonly #entries = new Map<string, { value: Promise<T>; cost: number; settled: boolean }>();
  #total = 0;

  readonly budget: number;
  readonly costOf: (value: T, key: string) => number;

  constructor(budget: number, costOf: (value: T, key: string) => number) {
    this.budget = budget;
    this.costOf = costOf;
  }

  /** The kept value of a key, as most recently used; undefined when it is not kept. */
  peek(key: string): Promise<T> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // A Map iterates in insertion order: moving the key to the end makes the first the least recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.peek(key);
    if (kept) return kept;
    const entry = { value: make(), cost: 0, settled: false };
    this.#entries.set(key, entry);
    entry.value.then(
      (value) => {
        // Evicted (or replaced) before it settled: it costs nothing here.
        if (this.#entries.get(key) !== entry) return;
        entry.settled = true;
        entry.cost = this.costOf(value, key);
        this.#total += entry.cost;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return entry.value;
  }

  /** Kept keys, least recently used first. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** The total cost of the settled values kept. */
  get total(): number {
    return this.#total;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#total <= this.budget) return;
      // A value still being made has no cost yet; it stays.
      if (!entry.settled) continue;
      this.#entries.delete(key);
      this.#total -= entry.cost;
    }
  }
}
