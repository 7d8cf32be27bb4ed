// The only kinds of file the app writes, and so the only kinds it will open: the main process
// decides, not the page. A compromised page that asks to save "problems.hta" and then open it
// gets a refusal, not a program run by the operating system.
import path from 'node:path';
import { UserError } from './context';

/** What the product writes: tables, the paper in its three formats, charts, settings. */
export const WRITTEN_EXTENSIONS: ReadonlySet<string> = new Set(['csv', 'pdf', 'html', 'json', 'docx', 'png', 'svg']);

/** The extension as the operating system will read it: lower case, Windows' trailing dots and spaces ignored. */
export function effectiveExtension(file: string): string {
  const base = path.basename(file).replace(/[. ]+$/, '');
  return path.extname(base).slice(1).toLowerCase();
}

/** The extension a save may have, from the name the page suggests; anything else is refused. */
export function savableExtension(suggestedName: string): string {
  const ext = effectiveExtension(suggestedName);
  if (!WRITTEN_EXTENSIONS.has(ext)) {
    throw new UserError(
      `Scrutiny Pack saves only ${[...WRITTEN_EXTENSIONS].map((e) => '.' + e).join(', ')} files, so "${path.basename(suggestedName).slice(0, 80)}" was not saved.`,
    );
  }
  return ext;
}

/**
 * The path to write: the one chosen in the save dialog, with the extension added when it was
 * typed without one or with another, so what is written is always of the kind asked for.
 */
export function withExtension(chosen: string, ext: string): string {
  return effectiveExtension(chosen) === ext && !/[. ]$/.test(chosen) ? chosen : `${chosen}.${ext}`;
}

/** Only a file of a kind the app writes is handed to the operating system to open. */
export function assertOpenable(file: string): void {
  if (!WRITTEN_EXTENSIONS.has(effectiveExtension(file)) || /[:]/.test(path.basename(file))) {
    throw new UserError(`Scrutiny Pack opens only the kinds of file it writes, so ${path.basename(file).slice(0, 80)} was not opened.`);
  }
}
