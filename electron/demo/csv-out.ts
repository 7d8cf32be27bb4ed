// A CSV file written row by row through a fixed-size buffer with synchronous writes: constant
// memory however many rows, and byte-identical output for the same rows. Encodes as UTF-8 (with
// or without a byte-order mark) or Windows-1252, the two encodings Excel saves CSV in.
import fs from 'node:fs';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface CsvOutOptions {
  encoding: CsvEncoding;
  eol: '\n' | '\r\n';
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; these are the characters there that
// exports actually contain.
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99,
};

export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[n++] = c;
    else out[n++] = CP1252_HIGH[ch] ?? 0x3f; // '?' as Excel writes for a character it cannot save
  }
  return out.subarray(0, n);
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FLUSH_AT = 1 << 16;

export class CsvOut {
  rows = 0;
  private fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string, private readonly options: CsvOutOptions) {
    this.fd = fs.openSync(file, 'w');
    if (options.encoding === 'utf-8-bom') fs.writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
  }

  /** Writes the header line (not counted as a row). */
  header(names: readonly string[]): void {
    this.line(names.map(csvField).join(','));
  }

  row(values: readonly string[]): void {
    this.line(values.map(csvField).join(','));
    this.rows++;
  }

  /** A line written as is (e.g. the blank rows Excel leaves at the end of a sheet). */
  raw(line: string): void {
    this.line(line);
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private line(text: string): void {
    this.pending.push(text, this.options.eol);
    this.pendingLength += text.length + 2;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    fs.writeSync(this.fd, this.options.encoding === 'windows-1252' ? encodeWindows1252(text) : Buffer.from(text, 'utf8'));
  }
}
