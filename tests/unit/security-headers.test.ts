import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineStyleHashes, nginxHeaders } from '../../src/lib/security-headers.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('security headers', () => {
  it.each([
    ['no style', '<p>x</p>', []],
    ['one style', '<head><style>a{color:red}</style></head>', [sha('a{color:red}')]],
    ['attributes and two styles', '<style media="print">b{}</style><style>c{}</style>', [sha('b{}'), sha('c{}')]],
    ['multi-line content', '<style>\n@font-face{}\n</style>', [sha('\n@font-face{}\n')]],
  ])('inlineStyleHashes: %s', (_name, html, expected) => {
    expect(inlineStyleHashes(html)).toEqual(expected);
  });

  it('allows inline styles only by hash, never unsafe-inline', () => {
    const policy = contentSecurityPolicy(['sha256-abc=']);
    expect(policy).toContain("style-src 'self' 'sha256-abc='");
    expect(policy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy()).toContain("style-src 'self';");
    expect(nginxHeaders(['sha256-abc='])).toContain("'sha256-abc='");
  });
});
