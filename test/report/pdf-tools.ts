// Poppler and qpdf from the test side: text, metadata, catalog entries and page images of a PDF,
// read by independent tools rather than by the code that wrote it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requiredInCi } from '../support/required';

export function hasTool(name: string): boolean {
  return spawnSync('which', [name]).status === 0;
}

export const PDF_TOOLS_AVAILABLE = requiredInCi(
  ['pdftotext', 'pdfinfo', 'pdftoppm', 'qpdf', 'pdffonts'].every(hasTool),
  'poppler-utils (pdftotext, pdfinfo, pdftoppm, pdffonts) and qpdf',
);

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

/** The document catalog as qpdf prints it, e.g. "<< /Lang (en-GB) /Outlines 4 0 R ... >>". */
export function pdfCatalog(file: string): string {
  const trailer = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' });
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!root) throw new Error('No /Root in the trailer');
  return execFileSync('qpdf', [`--show-object=${root[1]}`, file], { encoding: 'utf8' });
}

/** The bookmark titles, from qpdf's JSON. */
export function pdfOutlineTitles(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: Array<{ title: string; kids: unknown[] }>;
  };
  return json.outlines.map((o) => o.title);
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/**
 * Renders every page at 50 dpi as PPM (a header and raw RGB bytes, so no image library is
 * needed) and returns the share of non-white pixels on each page.
 */
export function inkPerPage(file: string, dir: string): number[] {
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-r', '50', file, prefix]);
  const pages = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.ppm')).sort();
  return pages.map((p) => {
    const buf = fs.readFileSync(path.join(dir, p));
    // Header: "P6\n<width> <height>\n<max>\n" (comments are not written by pdftoppm).
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 50).toString('latin1'));
    if (!header) throw new Error(`${p} is not a binary PPM`);
    const width = Number(header[1]);
    const height = Number(header[2]);
    const offset = header[0].length;
    let ink = 0;
    for (let i = offset; i + 2 < buf.length; i += 3) if (buf[i]! < 200 || buf[i + 1]! < 200 || buf[i + 2]! < 200) ink++;
    return ink / (width * height);
  });
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word with its box in points, from pdftotext -bbox. */
export function pdfWordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: m[5]! });
  }
  return out;
}

/** XML text as written by pdftotext -bbox and in Word's parts, back to plain text. */
export function unescapeXml(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
