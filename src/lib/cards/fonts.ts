/**
 * The fonts social cards are drawn with, from the project's own npm dependencies, so every
 * machine renders the same card whatever fonts it has installed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

export const CARD_FONTS = {
  arabicBold: { file: join(dir('@expo-google-fonts/noto-naskh-arabic'), '700Bold', 'NotoNaskhArabic_700Bold.ttf'), family: 'Noto Naskh Arabic Bold' },
  arabicRegular: { file: join(dir('@expo-google-fonts/noto-naskh-arabic'), '400Regular', 'NotoNaskhArabic_400Regular.ttf'), family: 'Noto Naskh Arabic' },
  latinBold: { file: join(dir('@expo-google-fonts/noto-sans'), '700Bold', 'NotoSans_700Bold.ttf'), family: 'Noto Sans Bold' },
  latinRegular: { file: join(dir('@expo-google-fonts/noto-sans'), '400Regular', 'NotoSans_400Regular.ttf'), family: 'Noto Sans' },
} as const;
