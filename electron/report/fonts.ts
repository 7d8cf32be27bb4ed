// The open-licence fonts shipped with the product (DejaVu Sans, Bitstream Vera licence, see
// assets/fonts/LICENSE-DejaVu.txt) and embedded in every PDF, so the paper looks the same on
// every machine and its text can be extracted and read aloud.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_FONT_FAMILY } from '../../shared/charts/palette';

function fontsDir(): string {
  const candidates = [
    process.env.SCRUTINY_FONTS_DIR,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts'),
    path.resolve(process.cwd(), 'assets/fonts'),
    // Packaged app: electron-builder's extraResources.
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath ? path.join((process as NodeJS.Process & { resourcesPath?: string }).resourcesPath!, 'fonts') : undefined,
  ].filter((d): d is string => !!d);
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'DejaVuSans.ttf')));
  if (!found) throw new Error(`The paper's fonts were not found (looked in ${candidates.join(', ')}). Reinstall Scrutiny Pack.`);
  return found;
}

export const FONT_NAME = CHART_FONT_FAMILY;

let cached: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> | undefined;

/**
 * pdfmake's font table. File paths, not Buffers: pdfkit caches a font by its path, whereas a
 * Buffer is parsed afresh on every use, which made each piece of chart text re-read the font.
 */
export function paperFonts() {
  if (cached) return cached;
  const dir = fontsDir();
  const read = (f: string) => path.join(dir, f);
  cached = {
    [FONT_NAME]: {
      normal: read('DejaVuSans.ttf'),
      bold: read('DejaVuSans-Bold.ttf'),
      italics: read('DejaVuSans-Oblique.ttf'),
      bolditalics: read('DejaVuSans-BoldOblique.ttf'),
    },
  };
  return cached;
}
