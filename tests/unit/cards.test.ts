import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCards, startCards } from '../../src/lib/cards/build.ts';
import { cardHash, type CardSpec } from '../../src/lib/cards/specs.ts';

const dir = mkdtempSync(join(tmpdir(), 'cards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (lang: 'ar' | 'en', title: string): CardSpec => ({
  lang,
  path: `/og/${lang}/briefings/x.png`,
  label: lang === 'ar' ? 'إحاطة' : 'Briefing',
  title,
  subtitle: lang === 'ar' ? 'قالت مصادر لموقع Axios إن نحو 5,000 جندي قد ينتشرون.' : 'Sources told Axios that about 5,000 troops may deploy.',
  date: lang === 'ar' ? '18 ديسمبر 2025' : '18 December 2025',
  siteName: 'ISF',
  alt: title,
});

describe('card cache', () => {
  it('renders each card once; an unchanged card is reused and a changed title re-renders', async () => {
    const specs = [spec('ar', 'تركيا مستعدة للمشاركة في CENTCOM'), spec('en', 'Turkey ready to take part')];
    const first = await buildCards(specs, join(dir, 'out'), join(dir, 'cache'));
    expect(first).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    const second = await buildCards(specs, join(dir, 'out'), join(dir, 'cache'));
    expect(second).toMatchObject({ rendered: 0, cached: 2 });
    const changed = await buildCards([specs[0]!, spec('en', 'Turkey ready to join')], join(dir, 'out'), join(dir, 'cache'));
    expect(changed).toMatchObject({ rendered: 1, cached: 1 });
  }, 60_000);

  it('renders in a child process the same bytes as in this one, and copies every card', async () => {
    const specs = [spec('ar', 'تركيا مستعدة للمشاركة في قوة الاستقرار الدولية في غزة إذا طلبت الأطراف ذلك'), spec('en', 'Turkey says it is ready to take part')];
    const here = await buildCards(specs, join(dir, 'here'), join(dir, 'cache-here'));
    const there = await startCards(specs, join(dir, 'cache-there')).finish(join(dir, 'there'));
    expect(there).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    expect(there.cpuMs).toBeGreaterThan(0);
    for (const s of specs) expect(readFileSync(join(dir, 'there', s.path)).equals(readFileSync(join(dir, 'here', s.path)))).toBe(true);
    expect(here.rendered).toBe(2);
  }, 60_000);

  it('draws the same card whatever card was drawn before it (canvases are reused)', async () => {
    const { renderCard } = await import('../../src/lib/cards/render.ts');
    for (const lang of ['ar', 'en'] as const) {
      const short = { ...spec(lang, lang === 'ar' ? 'تركيا' : 'Turkey'), subtitle: '', date: '' };
      const long = spec(lang, lang === 'ar' ? 'تركيا مستعدة للمشاركة في قوة الاستقرار الدولية في غزة إذا طلبت الأطراف ذلك وفق مصادر متعددة' : 'Turkey says it is ready to take part in the International Stabilization Force for Gaza if the parties ask');
      const first = await renderCard(short);
      const other = await renderCard(long);
      expect((await renderCard(short)).equals(first)).toBe(true);
      expect(other.equals(first)).toBe(false);
    }
  }, 60_000);

  it('hashes what a card shows', () => {
    expect(cardHash(spec('en', 'A'))).toBe(cardHash(spec('en', 'A')));
    expect(cardHash(spec('en', 'A'))).not.toBe(cardHash(spec('en', 'B')));
  });
});
