// Presentation helpers only the screens need (date-times, file sizes, CSV downloads). Figures,
// dates and plurals use the shared helpers in shared/format, shared/dates and shared/summaries,
// so a measure reads the same on screen as in the committee paper.
import { formatLongDate } from '../shared/dates';

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatLongDate(iso.slice(0, 10))}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

export function fmtBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// CSV downloads: one writer for the app and anything else the product writes (shared/csv-out.ts).
export { toCsv } from '../shared/csv-out';

/** A time of day as the screens show it: "14:32". */
export function fmtTime(d: Date): string {
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
