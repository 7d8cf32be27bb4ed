// The open-licence fonts shipped with the product (DejaVu Sans, Bitstream Vera licence, see
// assets/fonts/LICENSE-DejaVu.txt) and embedded in every PDF, so the paper looks the same on
// every machine and its text can be extracted and read aloud.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_FONT_FAMILY } from '../../shared/charts/palette';

/** This module's folder in the source tree; unknown inside the app's CommonJS bundle. */
function hereDir(): string | undefined {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

function fontsDir(): string {
  const here = hereDir();
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    // The desktop app sets this (electron/main.ts): packaged, the fonts are an extra resource.
    process.env.SCRUTINY_FONTS_DIR,
    here ? path.resolve(here, '../../assets/fonts') : undefined,
    path.resolve(process.cwd(), 'assets/fonts'),
    resources ? path.join(resources, 'fonts') : undefined,
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
