/**
 * Pagefind's memory per character of document while it writes an index (measured: 39–42 B,
 * docs/bench/README.md, "Search index memory"). scripts/build.mjs multiplies the largest bundle's
 * characters by it to decide whether the index step may start beside the page build and whether
 * two bundles fit side by side; kept in a module of its own so the build script does not load
 * the search code to read one number.
 */
export const PAGEFIND_BYTES_PER_CHAR = 42;
