// The measures engine the reconciliation recomputes the council's own figures with. Only the
// 30 September figures are needed, so no monthly series is computed.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import { computeMetrics } from '../measures/index';
import type { ReconcileInput } from './reconcile';

export function ownMeasuresAt(db: Db, asAt: IsoDate): ReconcileInput {
  return computeMetrics(db, asAt, { months: 0 });
}
