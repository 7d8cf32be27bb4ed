// writeDemoExports: writes the synthetic council's exports in the chosen layouts, streaming the
// allocations straight to disk, and a manifest.json saying what each file is.
import fs from 'node:fs';
import path from 'node:path';
import { toDayNumber } from '../../shared/dates';
import { generateCouncil, type Council } from './council';
import { CsvOut } from './csv-out';
import { layoutFiles, DEMO_LAYOUTS, type DemoLayout, type DemoSource, type FileSpec, type LayoutContext } from './layouts';
import type { CalibrationTargets, DemoOptions } from './options';

export interface DemoWriteOptions extends DemoOptions {
  /** Default: canonical only. With more than one, each layout goes in its own sub-folder. */
  layouts?: DemoLayout[];
  /** Canonical layout: agency spells in their own file (default) or in the workers file. */
  agencyFile?: 'separate' | 'combined';
}

export interface DemoManifestFile {
  /** Path relative to the manifest's folder. */
  file: string;
  source: DemoSource;
  layout: DemoLayout;
  /** The importer preset that reads it (`import --source SOURCE --preset PRESET`). */
  preset: 'canonical' | 'census' | 'ssd';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  lineEnding: 'LF' | 'CRLF';
  dateFormat: 'ISO' | 'UK';
  columns: string[];
  rows: number;
}

export interface DemoManifest {
  generator: 'scrutiny-pack demo';
  seed: number;
  staff: number;
  years: number;
  startDate: string;
  /** The extract date: give it to the importer as --extract-date (the SSD layout needs it). */
  endDate: string;
  targets: CalibrationTargets | null;
  files: DemoManifestFile[];
}

export async function writeDemoExports(outDir: string, options: DemoWriteOptions = {}): Promise<DemoManifest> {
  const layouts = options.layouts && options.layouts.length > 0 ? [...new Set(options.layouts)] : ['canonical' as const];
  for (const l of layouts) {
    if (!DEMO_LAYOUTS.includes(l)) throw new Error(`Unknown layout "${l}": choose from ${DEMO_LAYOUTS.join(', ')}.`);
  }
  const council = generateCouncil(options);
  const ctx = layoutContext(council, options.agencyFile ?? 'separate');
  fs.mkdirSync(outDir, { recursive: true });
  const files: DemoManifestFile[] = [];
  for (const layout of layouts) {
    const dir = layouts.length > 1 ? path.join(outDir, layout) : outDir;
    fs.mkdirSync(dir, { recursive: true });
    for (const spec of layoutFiles(layout, ctx)) {
      const rows = writeFile(path.join(dir, spec.name), spec, council);
      files.push({
        file: path.relative(outDir, path.join(dir, spec.name)).split(path.sep).join('/'),
        source: spec.source, layout, preset: spec.preset, encoding: spec.encoding,
        lineEnding: spec.eol === '\n' ? 'LF' : 'CRLF', dateFormat: spec.dateFormat, columns: spec.headers, rows,
      });
    }
  }
  const o = council.options;
  const manifest: DemoManifest = {
    generator: 'scrutiny-pack demo', seed: o.seed, staff: o.staff, years: o.years, startDate: o.startDate, endDate: o.endDate,
    targets: o.targets, files,
  };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function layoutContext(council: Council, agencyFile: 'separate' | 'combined'): LayoutContext {
  const periods = new Map<string, [number, number][]>();
  for (const a of council.asye) {
    const list = periods.get(a.staff_id) ?? [];
    list.push([toDayNumber(a.start_date), toDayNumber(a.planned_end_date ?? a.start_date)]);
    periods.set(a.staff_id, list);
  }
  return {
    endDate: council.options.endDate,
    agencyFile,
    inAsye: (staffId, date) => {
      const d = toDayNumber(date);
      return (periods.get(staffId) ?? []).some(([s, e]) => d >= s && d <= e);
    },
  };
}

function writeFile(file: string, spec: FileSpec, council: Council): number {
  const out = new CsvOut(file, { encoding: spec.encoding, eol: spec.eol });
  try {
    out.header(spec.headers);
    const r = spec.rows;
    switch (r.kind) {
      case 'spells':
        for (const s of council.spells) if (r.filter(s)) out.row(r.row(s));
        break;
      case 'allocations': {
        let n = 0;
        for (const a of council.allocations()) out.row(r.row(a, ++n));
        break;
      }
      case 'asye':
        for (const a of council.asye) out.row(r.row(a));
        break;
      case 'establishment':
        for (const e of council.establishment) out.row(r.row(e));
        break;
    }
    for (let i = 0; i < (spec.trailingBlankRows ?? 0); i++) out.raw(','.repeat(spec.headers.length - 1));
  } finally {
    out.close();
  }
  return out.rows;
}
