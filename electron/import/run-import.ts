// One import, start to finish: read the headings, choose the layout, refuse a child's-identity
// column, skip a file already imported, back the database up, then stream every row through
// validation into the tables inside a single transaction. Strict by default: if any row is
// invalid the transaction is rolled back and the attempt logged as failed; --accept-valid keeps
// the valid rows and logs the rejected ones. A dry run does the whole import and rolls it back,
// which is what the app's preview shows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { busyAsPlainWords, type Db } from '../db/open';
import { todayIso, isIsoDate, type IsoDate } from '../../shared/dates';
import { plural } from '../../shared/summaries';
import type { ColumnMappingSpec, CsvSource, ImportProgress, ImportResult, RowProblem } from '../../shared/import-types';
import { backupBeforeImport } from './backup';
import { freeInWords, isDiskFull, sizeInWords } from '../files/disk-space';
import { BULK_JOURNAL_MIN_BYTES, restoreWal, useRollbackJournal } from './bulk-journal';
import { whileBusy } from './busy';
import type { ConvertJob } from './convert-batches';
import { convertedBatches, type ConvertMode } from './convert-thread';
import { readChunks, sniffFile } from './csv-stream';
import { DateOrderRestart, type DateOrder } from './date-column';
import { detectImportFile } from './detect';
import {
  identityRefusal, isIdentityHeading, isPersonalHeading, mappedPersonalRefusal, namesInTeamColumn, notStoredNote,
  personalColumns, STAFF_SOURCES, teamNamesRefusal,
} from './privacy';
import { norm } from './normalise';
import { ImportProblem } from './problem';
import { caseKeyFor, KeyStore, MissingKeyError, recordKeyCheck } from '../keys';
import { chooseLayout } from './resolve-layout';
import { looksLikeXml, readCensusXml, type CensusXml } from './census-xml';
import { censusDateFor } from './census-date';
import { writeLaLevel, type LaLevelRow } from './census-la-level';
import { columnSample } from './detect';
import { xlsxHead } from './xlsx-stream';
import { saveMapping } from './mapping';
import { duplicateHeading } from './row-shape';
import { startTableLoad } from './table-load';
import { TABLES } from './tables';
import type { Binding } from './layouts';
import { describeLinks, describeSkipped, linkSummary, skippedRows } from './link-summary';
import type { PlacementUse } from './convert';
import { fteReading } from './fte-reading';
import { placementNotes } from './placement-notes';
import { valueRuleSet } from './value-rules';
import { getSettings } from '../settings';

export interface RunImportOptions {
  file: string;
  /** Which source the file is; detected from its headings when absent. */
  source?: CsvSource;
  /** A built-in layout: 'canonical', 'census' or 'ssd'. */
  preset?: string;
  /** A column mapping: a JSON file path, a saved mapping's name, or the mapping itself. */
  mapping?: string | ColumnMappingSpec;
  /** Save the mapping under this name once the import succeeds (the app's "remember" box). */
  saveMappingAs?: string;
  acceptValid?: boolean;
  dryRun?: boolean;
  /** The database file, for the backup (default: the open database's own file). */
  dbPath?: string;
  /** The date the export was taken: later dates are errors. Default: rows are checked against the import day, and import_log records NULL. */
  extractDate?: IsoDate;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Read the file in a worker thread (true), in this one (false), or by its size (absent). */
  parseInWorker?: boolean;
  /** Told whether the file is read in a worker thread (tests). */
  onConvertMode?: (mode: ConvertMode) => void;
  /** The clock, for tests. */
  now?: Date;
  /** An .xlsx workbook's sheet to read (default: the first). */
  sheet?: string;
  /** The standard working week, for FTE given as hours (default: the setting, 37). */
  standardHours?: number;
  /** Where the case key is kept (default: the store the environment names, as the command line uses). */
  keys?: KeyStore;
}

/** Problems kept in the result (the app lists them; the rest are counted). */
export const PROBLEMS_SHOWN = 1000;
/** Problems kept in import_log.rejected_json. */
export const PROBLEMS_LOGGED = 10_000;
const ACTIVE = `('imported', 'partial', 'no_change')`;

export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of readChunks(file, 1024 * 1024, signal)) hash.update(chunk);
  return hash.digest('hex');
}

type Counts = Pick<ImportResult, 'rowsRead' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'problems'> & {
  problemCount: number;
  /** Rows the layout's rules leave out, by skipKey. */
  skipped: Record<string, number>;
};

export function runImport(db: Db, options: RunImportOptions): Promise<ImportResult> {
  return whileBusy(db, async () => {
    // A census return submitted as XML is read as the census CSV it holds (census-xml.ts).
    if (!looksLikeXml(options.file)) return importFile(db, options, null);
    const xml = readCensusXml(options.file);
    try {
      return await importFile(db, options, xml);
    } finally {
      xml.cleanup();
    }
  });
}

async function importFile(db: Db, options: RunImportOptions, xml: CensusXml | null): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const file = path.resolve(options.file);
  const readFile = xml ? xml.csvFile : file;
  const fileName = path.basename(file);
  const detection = await detectImportFile(readFile, db, options.sheet);
  // A file that may be about children and has a column like a child's name or date of birth is
  // refused before anything else is worked out; staff files drop such columns instead (below).
  const guessed = options.source ?? detection.best?.source;
  if (detection.identityColumns.length > 0 && !(guessed && STAFF_SOURCES.has(guessed))) {
    throw new ImportProblem('child_identity', identityRefusal(detection.identityColumns));
  }
  let binding: Binding;
  try {
    binding = chooseLayout(db, detection.headers, {
      ...(options.source ? { source: options.source } : {}),
      ...(xml ? { preset: 'census' } : options.preset ? { preset: options.preset } : {}),
      ...(options.mapping !== undefined && !xml ? { mapping: options.mapping } : {}),
    });
  } catch (e) {
    // The name column is the first thing to fix, whatever else is wrong.
    if (detection.identityColumns.length > 0 && !(guessed && STAFF_SOURCES.has(guessed))) {
      throw new ImportProblem('child_identity', identityRefusal(detection.identityColumns));
    }
    if (e instanceof ImportProblem && detection.sheets && detection.sheets.length > 1) {
      const sheets = detection.sheets.map((n) => `"${n}"`).join(', ');
      throw new ImportProblem(e.code, `${e.message} This is sheet "${detection.sheet}" of a workbook with ${detection.sheets.length} sheets (${sheets}): if the data is on another, choose it with --sheet NAME.`);
    }
    throw e;
  }
  const twice = duplicateHeading(binding);
  if (twice) throw new ImportProblem('unknown_layout', twice);
  const source = binding.source;
  if (binding.layout.teamFromDepartments) binding = withDepartmentNames(db, binding);
  const staff = STAFF_SOURCES.has(source);
  if (!staff && detection.identityColumns.length > 0) throw new ImportProblem('child_identity', identityRefusal(detection.identityColumns));
  const personalRead = Object.entries(binding.index)
    .map(([field, i]) => ({ field, heading: binding.headers[i] ?? '' }))
    .filter((c) => (staff ? isPersonalHeading(c.heading) : isIdentityHeading(c.heading)));
  if (personalRead.length > 0) throw new ImportProblem('child_identity', mappedPersonalRefusal(personalRead));
  // An .xlsx sheet's first rows as cells (heading row first), for the checks below that read
  // values; a CSV file is read for them directly.
  const sheetHead = detection.sheets && (binding.index.team !== undefined || binding.layout.census)
    ? (await xlsxHead(readFile, { sheet: detection.sheet }, 201)).rows
    : undefined;
  const teamIndex = binding.index.team;
  const teamSample = teamIndex === undefined ? [] : sheetHead ? sheetHead.slice(1).map((r) => r[teamIndex] ?? '') : columnSample(readFile, teamIndex);
  if (teamIndex !== undefined && namesInTeamColumn(teamSample)) {
    throw new ImportProblem('child_identity', teamNamesRefusal(binding.headers[teamIndex] ?? 'team'));
  }
  const notStored = personalColumns(detection.headers);
  if (notStored.length > 0) binding = { ...binding, assumptions: [notStoredNote(notStored), ...binding.assumptions] };
  if (options.extractDate !== undefined && !isIsoDate(options.extractDate)) {
    throw new ImportProblem('missing_extract_date', `The extract date "${options.extractDate}" is not a date written as YYYY-MM-DD.`);
  }
  if (binding.layout.startFromExtractDate && binding.index.start_date === undefined && !options.extractDate) {
    throw new ImportProblem(
      'missing_extract_date',
      'An ssd_professionals extract has no dates, so the importer needs the date it was taken: give it with --extract-date YYYY-MM-DD.',
    );
  }
  const extractDate = options.extractDate ?? xml?.referenceDate ?? todayIso(now);
  let censusDate: IsoDate | undefined;
  if (binding.layout.census) {
    if (xml?.referenceDate && options.extractDate === undefined) {
      censusDate = xml.referenceDate;
      binding = { ...binding, assumptions: [...binding.assumptions, `The census date is ${censusDate}, the return's reference date.`] };
    } else {
      const found = censusDateFor(readFile, binding, options.extractDate, todayIso(now), sheetHead);
      censusDate = found.date;
      binding = { ...binding, assumptions: [...binding.assumptions, found.note] };
    }
    if (xml) {
      binding = {
        ...binding,
        assumptions: [...binding.assumptions, `Read from the census XML: ${xml.workers} CSWWWorker records; a problem's row number counts them from 2 (row 2 is the first worker).`],
      };
    }
  }
  let sha256: string;
  try {
    sha256 = await sha256File(file, options.signal);
  } catch (e) {
    if (!options.signal?.aborted) throw e;
    return {
      importId: null, outcome: 'cancelled', message: `The import of ${fileName} was cancelled; nothing was written.`,
      file, sha256: '', source: binding.source, preset: binding.preset, encoding: detection.encoding,
      rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], problemsTruncated: false,
      assumptions: binding.assumptions, extractDate: options.extractDate ?? todayIso(now), backupFile: null, previousImportId: null,
    };
  }

  const base = {
    file,
    ...(detection.sheet !== undefined ? { sheet: detection.sheet } : {}),
    sha256,
    source,
    preset: binding.preset,
    encoding: detection.encoding,
    assumptions: [...sheetNote(detection.sheet, detection.sheets), ...binding.assumptions],
    extractDate,
    preview: detection.preview,
  };
  const earlier = db
    // The same file imported as another source is not a repeat: an ssd_professionals extract is
    // both a crosswalk of IDs and, for a council with no HR file, its list of workers.
    .prepare(`SELECT id, started_at FROM import_log WHERE sha256 = ? AND source = ? AND outcome IN ${ACTIVE} ORDER BY id DESC LIMIT 1`)
    .get(sha256, source) as { id: number; started_at: string } | undefined;
  if (earlier) {
    return {
      ...base,
      importId: null,
      outcome: 'already_imported',
      message: `${fileName} has already been imported (import ${earlier.id}, ${earlier.started_at.slice(0, 10)}); nothing was done.`,
      rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
      problems: [], problemsTruncated: false, backupFile: null, previousImportId: earlier.id,
    };
  }

  // Loaded once, before the backup: a missing key refuses the import with nothing written.
  let caseKey: Buffer | null = null;
  if (source === 'allocations') {
    try {
      caseKey = caseKeyFor(db, options.keys ?? KeyStore.fromEnv(), { create: !options.dryRun });
    } catch (e) {
      if (e instanceof MissingKeyError) throw new ImportProblem('missing_case_key', e.message);
      throw e;
    }
  }
  const backupFile = options.dryRun ? null : await backupBeforeImport(db, options.dbPath ?? db.name, now);
  const dateOrders: Record<string, DateOrder> = {};
  const monthFirstNotes: string[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      const loggedExtractDate = options.extractDate ?? xml?.referenceDate ?? null;
      const assumptions = [...base.assumptions, ...monthFirstNotes];
      const result = await importPass(db, options, binding, {
        ...base, assumptions, fileName, backupFile, now, dateOrders, loggedExtractDate, readFile, censusDate, caseKey,
        laLevel: xml?.laLevel && censusDate ? { ...xml.laLevel, censusDate, la: xml.la } : null,
      });
      if (options.saveMappingAs && typeof options.mapping === 'object' && ['imported', 'partial', 'no_change'].includes(result.outcome)) {
        saveMapping(db, options.saveMappingAs, source, options.mapping);
      }
      return result;
    } catch (e) {
      // A column proved month-first part-way: everything was rolled back; read it again that way.
      if (e instanceof DateOrderRestart && attempt < 10) {
        dateOrders[e.field] = 'mdy';
        // Said plainly: the whole column was read the US way, which the user should confirm.
        const i = binding.index[e.field];
        const heading = i === undefined ? e.field : (binding.headers[i] ?? e.field);
        monthFirstNotes.push(
          `The dates in column "${heading}" were read month first (US order: 03/25/2018 is 25 March 2018), because ` +
            `${e.row ? `row ${e.row} has` : 'the column has'} a date that can only be month first; check the file was saved that way.`,
        );
        continue;
      }
      throw e;
    }
  }
}

interface PassContext {
  file: string;
  fileName: string;
  sha256: string;
  source: CsvSource;
  preset: string;
  encoding: ImportResult['encoding'];
  assumptions: string[];
  extractDate: IsoDate;
  /**
   * The extract date recorded in import_log: only one the user gave. Without it the rows are
   * still checked against the import day, but that day is not the data's date, so the log (read
   * by the paper's sources table and the benchmarks' coverage) keeps NULL rather than pretend.
   */
  loggedExtractDate: IsoDate | null;
  /** The CSV read (a census XML's worker module is read from a temporary CSV). */
  readFile: string;
  censusDate: IsoDate | undefined;
  /** A census XML's LA-level module, written with the workers. */
  laLevel: LaLevelRow | null;
  backupFile: string | null;
  now: Date;
  dateOrders: Record<string, DateOrder>;
  /** An .xlsx workbook's sheet; undefined for a CSV file. */
  sheet?: string;
  /** The first data rows (detection's preview), for deciding how the FTE column is written. */
  preview: string[][];
  caseKey: Buffer | null;
}

async function importPass(db: Db, options: RunImportOptions, binding: Binding, ctx: PassContext): Promise<ImportResult> {
  const { source } = ctx;
  const sniffed = sniffFile(ctx.readFile);
  const spec = TABLES[source];
  const counts: Counts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], problemCount: 0, skipped: {} };
  const layoutName = binding.preset;
  const mappingJson = typeof options.mapping === 'object' ? JSON.stringify(options.mapping) : null;
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  // A 16 MB page cache: big enough for the indexes' hot pages, small enough (with the sorter that
  // rebuilds deferred indexes, which takes as much again) to keep a million-row import under 300 MB.
  db.pragma('cache_size = -16384');
  restoreWal(db);
  const tableEmpty = db.prepare(`SELECT 1 FROM ${spec.table} LIMIT 1`).get() === undefined;
  const backToWal = tableEmpty && sniffed.bytes >= BULK_JOURNAL_MIN_BYTES ? useRollbackJournal(db) : () => {};
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    backToWal();
    throw busyAsPlainWords(db, e);
  }
  let open = true;
  const rollback = () => {
    if (open) {
      open = false;
      // After a full disk (and some I/O errors) SQLite has already rolled the transaction back;
      // a second ROLLBACK would replace the real reason with "no transaction is active".
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  };
  try {
    const importId = Number(
      db
        .prepare(
          `INSERT INTO import_log (file_name, sha256, source, layout, mapping_json, extract_date, started_at, outcome)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'imported')`,
        )
        .run(ctx.fileName, ctx.sha256, source, layoutName, mappingJson, ctx.loggedExtractDate, ctx.now.toISOString()).lastInsertRowid,
    );
    if (ctx.caseKey && !options.dryRun) recordKeyCheck(db, ctx.caseKey);
    const fte = fteReading(binding, ctx.preview, {
      unit: binding.layout.fteUnit,
      standardHours: options.standardHours ?? binding.layout.standardHours ?? getSettings(db).standardWeeklyHours,
    });
    const job: ConvertJob = {
      file: ctx.readFile,
      ...(ctx.censusDate ? { censusDate: ctx.censusDate } : {}),
      sniffed: { encoding: sniffed.encoding, delimiter: sniffed.delimiter, newline: sniffed.newline, bytes: sniffed.bytes },
      binding,
      source,
      extractDate: ctx.extractDate,
      dateOrders: ctx.dateOrders,
      caseKeySecret: ctx.caseKey,
      ...(ctx.sheet !== undefined ? { xlsx: { sheet: ctx.sheet } } : {}),
      councilValues: valueRuleSet(db),
      fte,
    };
    let placed: PlacementUse[] = [];
    const load = startTableLoad(db, spec, importId, sniffed.bytes);
    const { writer } = load;
    const width = spec.columns.length;
    const batchProblems: RowProblem[] = [];
    const converted = convertedBatches(job, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.parseInWorker !== undefined ? { worker: options.parseInWorker } : {}),
      ...(options.onConvertMode ? { onMode: options.onConvertMode } : {}),
    });
    for await (const batch of converted) {
      counts.rowsRead = batch.rowsRead;
      counts.rejected += batch.rejected;
      for (const [k, n] of Object.entries(batch.skipped)) counts.skipped[k] = (counts.skipped[k] ?? 0) + n;
      if (batch.placed) placed = batch.placed;
      // This batch's problems in file order: the converter's, and the repeats the writer finds.
      batchProblems.length = 0;
      let p = 0;
      const { values, rows, problems } = batch;
      for (let r = 0; r < rows.length; r++) {
        const rowNumber = rows[r]!;
        while (p < problems.length && problems[p]!.row < rowNumber) batchProblems.push(problems[p++]!);
        const outcome = writer.write(values, rowNumber, r * width);
        if (outcome === 'duplicate') {
          const earlierRow = writer.duplicateOf === null ? 'an earlier row' : `row ${writer.duplicateOf}`;
          batchProblems.push({ row: rowNumber, column: null, value: null, reason: `repeats the ${spec.keyLabel} of ${earlierRow} of this file` });
          counts.rejected++;
        } else counts[outcome]++;
      }
      while (p < problems.length) batchProblems.push(problems[p++]!);
      for (const problem of batchProblems) {
        if (counts.problems.length < PROBLEMS_LOGGED) counts.problems.push(problem);
        counts.problemCount++;
      }
      options.onProgress?.({ rowsRead: counts.rowsRead, bytesRead: batch.bytesRead, bytesTotal: sniffed.bytes });
    }

    // Rebuilt before any outcome is decided, so a commit always has every index in place (a
    // rollback would restore them anyway). The unique key first: the rows that repeat a key
    // within the file come out, and are reported exactly as a merge reports them.
    const repeats = load.finish();
    if (repeats.length > 0) {
      const repeated: RowProblem[] = repeats.map((r) => ({
        row: r.row,
        column: null,
        value: null,
        reason: `repeats the ${spec.keyLabel} of ${r.earlierRow === null ? 'an earlier row' : `row ${r.earlierRow}`} of this file`,
      }));
      counts.inserted -= repeats.length;
      counts.rejected += repeats.length;
      counts.problemCount += repeats.length;
      // The log keeps the first PROBLEMS_LOGGED problems in file order; a repeated row has no
      // other problem (it was valid enough to insert), so merging by row number is exact.
      counts.problems = [...counts.problems, ...repeated].sort((a, b) => a.row - b.row).slice(0, PROBLEMS_LOGGED);
    }
    const shown = counts.problems.slice(0, PROBLEMS_SHOWN);
    // Every row left out on purpose, by reason: the layout's rules and the value rules' "not counted".
    const skipped = skippedRows(counts.skipped);
    const skippedTotal = skipped.reduce((t, k) => t + k.rows, 0);
    const assumptions = [...ctx.assumptions, ...(fte.note ? [fte.note] : []), ...placementNotes(placed)];
    // Worked out inside the transaction, so a dry run says what the import would link.
    let links: ImportResult['links'] = null;
    const result = (importIdOut: number | null, outcome: ImportResult['outcome'], message: string): ImportResult => {
      // A refused import wrote nothing, so it reports nothing written (as its import_log row does);
      // only a dry run reports the counts it would have written.
      const written = outcome !== 'failed';
      return {
      importId: importIdOut,
      outcome,
      message,
      file: ctx.file,
      sha256: ctx.sha256,
      source,
      preset: layoutName,
      encoding: ctx.encoding,
      rowsRead: counts.rowsRead,
      inserted: written ? counts.inserted : 0,
      updated: written ? counts.updated : 0,
      unchanged: written ? counts.unchanged : 0,
      rejected: counts.rejected,
      problems: shown,
      problemsTruncated: counts.problemCount > shown.length,
      assumptions,
      extractDate: ctx.extractDate,
      backupFile: ctx.backupFile,
      previousImportId: null,
      skipped,
      links,
      };
    };
    const linkable = source === 'allocations' || source === 'idmap' || source === 'workers' || source === 'agency';
    const afterword = () => {
      if (linkable) links = linkSummary(db);
      return describeSkipped(skipped) + describeLinks(links);
    };
    const changes = `${plural(counts.inserted, 'new row')}, ${counts.updated.toLocaleString('en-GB')} updated, ${counts.unchanged.toLocaleString('en-GB')} unchanged`;

    // Written in the same transaction, so a refused import or a dry run leaves nothing either.
    if (ctx.laLevel) writeLaLevel(db, importId, ctx.laLevel);
    if (options.dryRun) {
      // A check reports the outcome the real import would have (and the command line exits as
      // it would): a strict import of a file with invalid rows fails, so its check fails too.
      const refused = counts.rejected > 0 && (!options.acceptValid || counts.rejected + skippedTotal === counts.rowsRead);
      if (refused) {
        rollback();
        const valid = counts.rowsRead - counts.rejected - skippedTotal;
        return result(
          null,
          'failed',
          `Check only, nothing written: importing ${ctx.fileName} would fail, because ${plural(counts.rejected, 'row')} of ${counts.rowsRead.toLocaleString('en-GB')} ${counts.rejected === 1 ? 'has' : 'have'} problems. ` +
            (valid > 0 && !options.acceptValid ? `Correct them, or import the ${plural(valid, 'valid row')} alone with --accept-valid.` : 'Correct them and check the file again.'),
        );
      }
      const bad = counts.rejected > 0 ? ` ${plural(counts.rejected, 'row')} of ${counts.rowsRead.toLocaleString('en-GB')} have problems and would be left out.` : ' No problems found.';
      const more = afterword();
      rollback();
      return result(null, 'checked', `Check only, nothing written: importing ${ctx.fileName} would give ${changes}.${bad}${more}`);
    }
    if (counts.rejected > 0 && !options.acceptValid) {
      rollback();
      const valid = counts.rowsRead - counts.rejected - skippedTotal;
      const message =
        `Nothing was imported: ${plural(counts.rejected, 'row')} of ${counts.rowsRead.toLocaleString('en-GB')} in ${ctx.fileName} ${counts.rejected === 1 ? 'has' : 'have'} problems. ` +
        `Correct them and import the file again, or import the ${plural(valid, 'valid row')} alone with --accept-valid.`;
      const failedId = logFailed(db, ctx, layoutName, mappingJson, counts, message);
      return result(failedId, 'failed', message);
    }
    if (counts.rejected > 0 && counts.rejected + skippedTotal === counts.rowsRead) {
      // --accept-valid with no valid row: nothing to keep, so this is a failure, not an import.
      rollback();
      const message =
        `Nothing was imported: none of the ${plural(counts.rowsRead, 'row')} in ${ctx.fileName} is valid. ` +
        'Correct the problems listed and import the file again.';
      const failedId = logFailed(db, ctx, layoutName, mappingJson, counts, message);
      return result(failedId, 'failed', message);
    }
    const outcome = counts.rejected > 0 ? 'partial' : counts.inserted + counts.updated === 0 ? 'no_change' : 'imported';
    const message =
      outcome === 'no_change'
        ? counts.rowsRead === 0
          ? `${ctx.fileName} has a heading row but no data rows; nothing changed (recorded as import ${importId}).`
          : skippedTotal === counts.rowsRead
          ? `No row of ${ctx.fileName} is one the importer keeps; nothing changed (recorded as import ${importId}).`
          : `Every row of ${ctx.fileName} is already in the database unchanged; nothing changed (recorded as import ${importId}).`
        : `Imported ${ctx.fileName} (import ${importId}): ${changes}.` +
          (counts.rejected > 0 ? ` ${plural(counts.rejected, 'row')} with problems ${counts.rejected === 1 ? 'was' : 'were'} left out and listed in the import log.` : '');
    const fullMessage = message + afterword();
    db.prepare(
      `UPDATE import_log SET rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, rows_rejected = ?,
         rejected_json = ?, finished_at = ?, outcome = ?, message = ? WHERE id = ?`,
    ).run(
      counts.rowsRead, counts.inserted, counts.updated, counts.unchanged, counts.rejected,
      counts.rejected > 0 ? JSON.stringify(counts.problems) : null,
      new Date().toISOString(), outcome, fullMessage, importId,
    );
    db.exec('COMMIT');
    open = false;
    return result(importId, outcome, fullMessage);
  } catch (e) {
    rollback();
    if ((e as Error).name === 'AbortError' || options.signal?.aborted) {
      return {
        importId: null, outcome: 'cancelled', message: `The import of ${ctx.fileName} was cancelled; nothing was written.`,
        file: ctx.file, sha256: ctx.sha256, source, preset: layoutName, encoding: ctx.encoding,
        rowsRead: counts.rowsRead, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], problemsTruncated: false,
        assumptions: ctx.assumptions, extractDate: ctx.extractDate, backupFile: ctx.backupFile, previousImportId: null,
      };
    }
    if (isDiskFull(e)) throw diskFull(db, ctx, sniffed.bytes);
    throw busyAsPlainWords(db, e);
  } finally {
    db.pragma(`cache_size = ${Math.trunc(previousCache)}`);
    try {
      backToWal();
    } catch (e) {
      // Still in the rollback journal on a full disk: the next import switches back first.
      if (!isDiskFull(e)) throw e;
    }
  }
}

/**
 * A full disk in plain words. The estimate: a stored row with its share of the indexes takes
 * about twice its CSV text, and the journal (or WAL) holds as much again until the commit.
 */
function diskFull(db: Db, ctx: PassContext, fileBytes: number): ImportProblem {
  return new ImportProblem(
    'disk_full',
    `The disk holding the database ${db.name} is full: importing ${ctx.fileName} needs about ${sizeInWords(fileBytes * 4)} more (an estimate), and ${freeInWords(db.name)}. ` +
      'Nothing was written: the database is exactly as it was before. Free some space, or move the database to a disk with more room, then import the file again.',
  );
}

/** Which sheet of a workbook with several was read, said so a wrong sheet is noticed. */
function sheetNote(sheet: string | undefined, sheets: string[] | undefined): string[] {
  if (sheet === undefined || !sheets || sheets.length < 2) return [];
  return [`The workbook has ${sheets.length} sheets (${sheets.map((n) => `"${n}"`).join(', ')}); sheet "${sheet}" was read. Choose another with --sheet NAME.`];
}

/** A failed strict import leaves a record (and its problems) in the history, and nothing else. */
function logFailed(db: Db, ctx: PassContext, layout: string, mappingJson: string | null, counts: Counts, message: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_log (file_name, sha256, source, layout, mapping_json, rows_read, rows_rejected, rejected_json,
           extract_date, started_at, finished_at, outcome, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'failed', ?)`,
      )
      .run(
        ctx.fileName, ctx.sha256, ctx.source, layout, mappingJson, counts.rowsRead, counts.rejected,
        JSON.stringify(counts.problems), ctx.loggedExtractDate, ctx.now.toISOString(), new Date().toISOString(), message,
      ).lastInsertRowid,
  );
}

/** A layout whose team column is a department ID, with the names of the departments imported so far as its team value map. */
function withDepartmentNames(db: Db, binding: Binding): Binding {
  const names = db.prepare(`SELECT team_id, team_name FROM department`).raw().all() as [string, string][];
  if (names.length === 0) return binding;
  const team = new Map(names.map(([id, name]) => [norm(id), name]));
  return { ...binding, layout: { ...binding.layout, valueMaps: { ...binding.layout.valueMaps, team } } };
}
