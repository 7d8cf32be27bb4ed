// What a file is, from its first bytes, before it is read as CSV text (rules.ts IMP-07, IMP-08):
// a workbook, a PDF or other binary is named for what it is (and never echoed); UTF-16 without
// its byte-order mark is recognised; a UTF-8 file spoiled by one stray byte is refused rather
// than read as Windows-1252.
import type { TextEncodingName } from '../../shared/import-types';
import { messages } from './rules';

const SIGNATURES: { bytes: number[]; what: string; advice: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'an Excel workbook (.xlsx) or another zip file',
    advice: 'Open it in Excel and save it with File > Save As > "CSV UTF-8 (Comma delimited)", then import the .csv file.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an old-style Excel workbook (.xls) or another Office document',
    advice: 'Open it in Excel and save it with File > Save As > "CSV UTF-8 (Comma delimited)", then import the .csv file.',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', advice: 'Ask for the data as a CSV export instead.' },
];

export type FileKind =
  | { kind: 'text'; encoding?: TextEncodingName }
  | { kind: 'refused'; message: string };

/** UTF-16 without a byte-order mark: in English text every other byte is zero. */
function utf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, 1024) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid multi-byte UTF-8 sequences and the first byte that is not UTF-8 (or -1). */
function utf8Evidence(head: Uint8Array): { sequences: number; firstBad: number } {
  let sequences = 0;
  let firstBad = -1;
  for (let i = 0; i < head.length; ) {
    const b = head[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < head.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = i + k < head.length && (head[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += need + 1;
    } else {
      if (firstBad < 0 && i + need < head.length) firstBad = i;
      i++;
    }
  }
  return { sequences, firstBad };
}

function lineOf(head: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (head[i] === 10) line++;
  return line;
}

export function fileKind(file: string, head: Uint8Array, utf8: boolean): FileKind {
  for (const s of SIGNATURES) {
    if (s.bytes.every((b, i) => head[i] === b)) return { kind: 'refused', message: messages.notText(file, s.what, s.advice) };
  }
  const bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!bom) {
    const utf16 = utf16WithoutBom(head);
    if (utf16) return { kind: 'text', encoding: utf16 };
    let nul = 0;
    let control = 0;
    for (const b of head) {
      if (b === 0) nul++;
      else if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
    }
    // A NUL or two is a damaged row (refused with its row number); many are a binary file.
    if (nul >= 8 || control > head.length * 0.05) {
      return {
        kind: 'refused',
        message: messages.notText(file, 'not a text file (it holds bytes that only programs, images and other binary files have)', 'Check you chose the CSV export you meant.'),
      };
    }
  }
  if (!bom && !utf8) {
    const { sequences, firstBad } = utf8Evidence(head);
    if (sequences > 0 && firstBad >= 0) return { kind: 'refused', message: messages.mixedEncoding(file, firstBad, lineOf(head, firstBad)) };
  }
  return { kind: 'text' };
}
