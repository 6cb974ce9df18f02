/**
 * Text into HTML we write as strings (citation runs, preview frames, feed bodies): the five
 * characters that could end an element or an attribute value. Attribute values are always
 * double-quoted here, so `'` needs no escaping.
 */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
