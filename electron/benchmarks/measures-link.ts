// The measures engine the reconciliation recomputes the council's own figures with.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import type { ReconcileInput } from './reconcile';

export async function measuresForReconciliation(): Promise<(db: Db, asAt: IsoDate) => ReconcileInput> {
  throw new Error('The reconciliation needs the workforce measures, which are not available in this build yet.');
}
