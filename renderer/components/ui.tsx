// Small building blocks shared by the screens: notices, a data table, a progress bar.
import { useId, type ReactNode } from 'react';

export function Notice({ kind, title, children }: { kind: 'error' | 'success' | 'info' | 'warning'; title?: string; children?: ReactNode }) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${kind}`} role={role}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function DataTable({
  caption,
  columns,
  rows,
  numeric,
}: {
  caption: string;
  columns: string[];
  rows: Array<Array<ReactNode>>;
  /** Column indexes aligned right (numbers). */
  numeric?: number[];
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={numeric?.includes(i) ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={numeric?.includes(j) ? 'num' : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProgressBar({ label, fraction, detail }: { label: string; fraction: number | null; detail: string }) {
  const id = useId();
  return (
    <div className="progress">
      <label htmlFor={id}>{label}</label>
      {fraction === null ? (
        <progress id={id} aria-describedby={id + '-d'} />
      ) : (
        <progress id={id} max={100} value={Math.round(fraction * 100)} aria-describedby={id + '-d'} />
      )}
      <p id={id + '-d'} className="hint" aria-live="polite">
        {detail}
      </p>
    </div>
  );
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <>
      <h1 id="page-heading" tabIndex={-1}>
        {children}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </>
  );
}
