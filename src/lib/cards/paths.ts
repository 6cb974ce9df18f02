/** Where each page's social card lives, root-relative (add the base with withBase). */
import type { Lang } from '../../i18n/locales.ts';

export type CardKind = 'home' | 'briefings' | 'sources' | 'topics';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export function cardPath(lang: Lang, kind: CardKind, id?: string): string {
  return kind === 'home' ? `/og/${lang}/home.png` : `/og/${lang}/${kind}/${id}.png`;
}
