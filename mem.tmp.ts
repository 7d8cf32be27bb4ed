import ExcelJS from 'exceljs';
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase } from './electron/db/open';
import { runImport } from './electron/import/index';
const n = Number(process.argv[2] ?? 200000);
const dir = fs.mkdtempSync('/tmp/xl/mem-');
const file = path.join(dir, 'big.xlsx');
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
const ws = wb.addWorksheet('Staff');
ws.addRow(['Workforce report']).commit();
ws.addRow(['staff_id', 'role', 'team', 'employment_type', 'fte', 'start_date']).commit();
for (let i = 0; i < n; i++) {
  const r = ws.addRow([`S${i}`, 'Social Worker', `Team ${i % 40}`, 'Permanent', 1, new Date(Date.UTC(2010 + (i % 10), i % 12, 1 + (i % 28)))]);
  r.getCell(6).numFmt = 'dd/mm/yyyy';
  r.commit();
}
await wb.commit();
const size = fs.statSync(file).size;
let peak = 0;
const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const db = openDatabase(path.join(dir, 'db.sqlite'));
const t0 = Date.now();
const r = await runImport(db, { file, extractDate: '2025-10-01', parseInWorker: false });
clearInterval(t);
console.log(JSON.stringify({ rows: n, bytes: size, outcome: r.outcome, inserted: r.inserted, ms: Date.now() - t0, peakRssMB: Math.round(peak / 1e6) }));
