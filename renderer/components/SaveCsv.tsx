// "Save as CSV" for a table on a screen: the same columns and rows, spreadsheet formulas
// neutralised (shared/csv-out.ts), saved where the user chooses.
import { useState } from 'react';
import { toCsv } from '../../shared/csv-out';
import { call } from '../api';

export function SaveCsv({ fileName, label, columns, rows }: { fileName: string; label: string; columns: string[]; rows: Array<Array<string | number | null>> }) {
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  async function save() {
    setStatus(null);
    try {
      const out = await call('saveText', { suggestedName: `${fileName}.csv`, content: toCsv(columns, rows) });
      if (out) setStatus({ error: false, text: `Saved as ${out.name}.` });
    } catch (e) {
      setStatus({ error: true, text: e instanceof Error ? e.message : String(e) });
    }
  }
  return (
    <div className="chart-actions">
      <button type="button" className="link-button" aria-label={`Save as CSV: ${label}`} onClick={save}>
        Save as CSV
      </button>
      {status ? (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error-text' : 'hint'}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
