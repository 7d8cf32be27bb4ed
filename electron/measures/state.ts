// What every computation reads from the small tables (the workforce, its movements, the worker
// links, the data coverage), kept per open database until its data changes. The overview, the
// drill-down and each date a user tries all start from the same state: reading and classifying
// 5,000-11,000 spells again each time cost more than the target for a whole computation allows.
// (The paper's preview and export run in a worker thread on their own connection, so they start
// without it: see electron/report/export-thread.ts.)
// The stamp is exact: total_changes() counts every row this connection writes and data_version
// changes whenever another connection (the command line beside the app) commits.
import type { Db } from '../db/open';
import { loadWorkforce, type Workforce } from './load';
import { classifyMovements, type Movements } from './movers';
import { workerLinker, type WorkerLinker } from './worker-links';
import { departures } from './child-stability-read';
import type { Departures } from './child-stability';
import { dataCoverage, historyStarts, snapshotSpells, type DataCoverage, type SnapshotSpell } from './coverage';
import type { SeriesCoverage } from '../../shared/coverage';

export interface MeasureState {
  w: Workforce;
  mv: Movements;
  gone: Departures;
  linker: WorkerLinker;
  snapshots: SnapshotSpell[];
  coverage: DataCoverage;
  history: SeriesCoverage;
}

const states = new WeakMap<Db, { stamp: string; state: MeasureState }>();

export function dataStamp(db: Db): string {
  const changes = db.prepare(`SELECT total_changes() AS n`).pluck().get() as number;
  return `${db.pragma('data_version', { simple: true }) as number}:${changes}`;
}

export function measureState(db: Db): MeasureState {
  const stamp = dataStamp(db);
  const had = states.get(db);
  if (had && had.stamp === stamp) return had.state;
  const w = loadWorkforce(db);
  const state: MeasureState = {
    w,
    mv: classifyMovements(w),
    gone: departures(w),
    linker: workerLinker(db, w),
    snapshots: snapshotSpells(db),
    coverage: dataCoverage(db),
    history: historyStarts(db),
  };
  states.set(db, { stamp, state });
  return state;
}

/** Forgets the kept state (the benchmark's cold runs). */
export function forgetMeasureState(db: Db): void {
  states.delete(db);
}
