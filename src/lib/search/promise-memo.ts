/**
 * An async lookup made once per key while its answer is kept (pure; the search page's engine
 * keeps Pagefind's searches and each word's one-bundle matches with it, for as long as the page
 * is open: its index does not change). A rejected answer is forgotten at once, so the next call
 * tries again (a chunk that failed to load on a flaky connection); past `limit` keys all are
 * forgotten together (a reader may type many queries; the answers hold Pagefind's result lists).
 */
export function promiseMemo<K, V>(lookup: (key: K) => Promise<V>, limit: number): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let answer = kept.get(key);
    if (!answer) {
      if (kept.size >= limit) kept.clear();
      const made = lookup(key);
      made.catch(() => kept.get(key) === made && kept.delete(key));
      kept.set(key, made);
      answer = made;
    }
    return answer;
  };
}
