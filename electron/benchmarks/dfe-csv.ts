// Reading a DfE CSV exactly as published: the bytes are hashed as they are (so re-importing the
// same download is recognised), the UTF-8 byte-order mark is dropped, and every cell stays text;
// nothing is converted here, so a symbol can never be mistaken for a number on the way in.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import Papa from 'papaparse';

export interface DfeCsv {
  sha256: string;
  /** Header cells, trimmed, in file order (duplicates kept: the neighbour file repeats "SNP"). */
  header: string[];
  /** Data rows, as arrays of raw cell text. Completely blank lines are dropped. */
  rows: string[][];
}

export async function readDfeCsv(file: string): Promise<DfeCsv> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DfeImportError(
      code === 'ENOENT' ? `The file "${file}" does not exist. Check the path and try again.` : `The file "${file}" could not be read (${code ?? String(err)}).`,
    );
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // header: false because the neighbour file has duplicate column names that a keyed parse would merge.
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const all = parsed.data.filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...rows] = all;
  if (!header) throw new DfeImportError(`The file "${file}" is empty.`);
  return { sha256, header: header.map((h) => h.trim()), rows };
}

/** An import that cannot go ahead; the message is meant for the person who chose the file. */
export class DfeImportError extends Error {
  override name = 'DfeImportError';
}

/** Header lookup ignoring case, spaces and underscores. */
export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[\s_\-]+/g, '');
}
