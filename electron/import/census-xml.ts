// The census return as councils submit it: an XML Message (CSWW schema, liia-tools
// social_work_workforce_2022.xsd) with a Header, one LALevelVacancies and a CSWWWorker per
// worker. It is turned into the rows the census CSV gives (the 23 items in their order, an item
// the schema lets repeat joined by ";"), written to a temporary CSV, so both go through the same
// validation and conversion; the LA-level module is returned beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IsoDate } from '../../shared/dates';
import { isIsoDate } from '../../shared/dates';
import { CENSUS_WORKER_ITEMS } from './formats/census';
import { ImportProblem } from './problem';

export interface CensusLaLevel {
  vacanciesFte: number;
  agencyCoverFte: number;
  agencyCoverHeadcount: number;
}

export interface CensusXml {
  /** The worker module as a CSV file (delete with cleanup()). */
  csvFile: string;
  workers: number;
  /** Header ReferenceDate, else 30 September of Header Year; null when the header has neither. */
  referenceDate: IsoDate | null;
  la: string | null;
  laLevel: CensusLaLevel | null;
  cleanup(): void;
}

/** True when the file's first element is an XML document's (a census CSV starts with a heading). */
export function looksLikeXml(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false; // a missing or unreadable file is reported by the CSV reader, in its words
  }
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return /^\s*</.test(head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, ''));
  } finally {
    fs.closeSync(fd);
  }
}

const REPEATABLE = new Set(['CSWWWorker', 'QualInst', 'ContractWeeks', 'Absat30Sept', 'ReasonAbsence', 'CFKSSstatus', 'Source']);

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(textOf).filter((x) => x !== '').join(';');
  if (typeof v === 'object') return textOf((v as Record<string, unknown>)['#text']);
  return String(v).trim();
}

function laNumber(v: string, item: string, whole: boolean): number {
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    throw new ImportProblem(
      'unknown_layout',
      `The census return's LALevelVacancies ${item} is ${v === '' ? 'missing' : `"${v}"`}: it must be ${whole ? 'a whole number' : 'a number'} of 0 or more.`,
    );
  }
  return n;
}

export function readCensusXml(file: string): CensusXml {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ImportProblem(
      'unknown_layout',
      `${path.basename(file)} is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}); nothing was stored.`,
    );
  }
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    removeNSPrefix: true,
    isArray: (name) => REPEATABLE.has(name),
  }).parse(text) as Record<string, unknown>;
  const root = Object.keys(doc).find((k) => k !== '?xml');
  const message = (root === 'Message' ? doc.Message : undefined) as Record<string, unknown> | undefined;
  if (!message || (message.CSWWWorker === undefined && message.LALevelVacancies === undefined)) {
    throw new ImportProblem(
      'unknown_layout',
      `${path.basename(file)} is an XML file but not a DfE children's social work workforce census return ` +
        `(its root element is <${root ?? '?'}>, and a census return is a <Message> with <LALevelVacancies> and <CSWWWorker> elements).`,
    );
  }
  const header = (message.Header ?? {}) as Record<string, unknown>;
  const details = (header.CollectionDetails ?? {}) as Record<string, unknown>;
  const sources = (header.Source ?? []) as Record<string, unknown>[];
  const ref = textOf(details.ReferenceDate);
  const year = textOf(details.Year);
  const referenceDate = isIsoDate(ref) ? ref : /^\d{4}$/.test(year) ? `${year}-09-30` : null;
  const la = textOf(sources[0]?.LEA) || null;

  const laRaw = message.LALevelVacancies as Record<string, unknown> | undefined;
  const laLevel = laRaw
    ? {
        vacanciesFte: laNumber(textOf(laRaw.NumberOfVacancies), 'NumberOfVacancies', false),
        agencyCoverFte: laNumber(textOf(laRaw.NoAgencyFTE), 'NoAgencyFTE', false),
        agencyCoverHeadcount: laNumber(textOf(laRaw.NoAgencyHeadcount), 'NoAgencyHeadcount', true),
      }
    : null;

  const workers = (message.CSWWWorker ?? []) as Record<string, unknown>[];
  const lines = [CENSUS_WORKER_ITEMS.join(',')];
  for (const w of workers) lines.push(CENSUS_WORKER_ITEMS.map((item) => csvCell(textOf(w[item]))).join(','));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-census-'));
  const csvFile = path.join(dir, `${path.basename(file, path.extname(file))}.csv`);
  fs.writeFileSync(csvFile, lines.join('\n') + '\n');
  return {
    csvFile,
    workers: workers.length,
    referenceDate,
    la,
    laLevel,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
