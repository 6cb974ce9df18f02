/**
 * Text into HTML we write as strings (citation runs, preview frames, feed bodies): the five
 * characters that could end an element or an attribute value. Attribute values are always
 * double-quoted here, so `'` needs no escaping.
 */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * HTML text back into text (our own pages and documents, Pagefind's output): the named
 * references escapeHtml and Astro write, and numeric ones (`&#39;`, `&#x27;`). One pass, so
 * `&amp;lt;` becomes `&lt;`, not `<`. Any other reference is left as it is.
 */
export const unescapeHtml = (s: string): string =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
