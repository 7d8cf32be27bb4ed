// One chart with its plain-English summary, its data table a click away, and ways to take it
// away: the picture as PNG or SVG and the table as CSV. The chart itself is the shared component
// the committee paper draws, so screen, paper and saved files cannot disagree.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Chart, chartTable, type ChartSpec } from '../../shared/charts';
import { toCsv } from '../../shared/csv-out';
import { call } from '../api';
import { DataTable } from './ui';
import './drill.css';

/** The chart's SVG as a file of its own: its drawn size, its namespace, no screen-only scaling. */
export function chartSvgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

/** A file name from the chart's title: "agency-rate-by-month". */
export function chartFileName(spec: ChartSpec): string {
  return spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || spec.id;
}

export function ChartCard({ spec, width = 560 }: { spec: ChartSpec; width?: number }) {
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const table = chartTable(spec);
  const frame = useRef<HTMLDivElement>(null);
  // The shared chart draws at a fixed size (as on the printed page); a viewBox lets the screen
  // scale it to the card's width, so its labels stay readable and it reflows at 200% zoom.
  useLayoutEffect(() => {
    const svg = frame.current?.querySelector('svg');
    if (!svg) return;
    const w = svg.getAttribute('width');
    const h = svg.getAttribute('height');
    if (w && h && !svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  });

  async function save(what: 'png' | 'svg' | 'csv') {
    setStatus(null);
    try {
      const name = chartFileName(spec);
      let out;
      if (what === 'csv') {
        out = await call('saveText', { suggestedName: `${name}.csv`, content: toCsv(table.columns, table.rows) });
      } else {
        const svg = frame.current?.querySelector('svg');
        if (!svg) throw new Error('The chart is not drawn yet: wait a moment and try again.');
        out = await call('saveChart', { suggestedName: `${name}.${what}`, svg: chartSvgText(svg), format: what });
      }
      if (out) setStatus({ error: false, text: `Saved as ${out.name}.` });
    } catch (e) {
      setStatus({ error: true, text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <figure className="chart-card" aria-labelledby={id + '-t'} data-chart={spec.id}>
      <h3 id={id + '-t'}>{spec.title}</h3>
      <p className="chart-summary" id={id + '-s'}>
        {spec.summary}
      </p>
      <div className="chart-frame" ref={frame} role="img" aria-labelledby={id + '-t'} aria-describedby={id + '-s'}>
        <Chart spec={spec} width={width} />
      </div>
      <div className="chart-actions">
        <button type="button" className="link-button" aria-expanded={showTable} aria-controls={id + '-d'} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Hide the data table' : 'Show the data table'}
        </button>
        {/* Each names its chart, so a list of the page's buttons still says which chart it saves. */}
        <button type="button" className="link-button" aria-label={`Save as PNG: ${spec.title}`} onClick={() => save('png')}>
          Save as PNG
        </button>
        <button type="button" className="link-button" aria-label={`Save as SVG: ${spec.title}`} onClick={() => save('svg')}>
          Save as SVG
        </button>
        <button type="button" className="link-button" aria-label={`Save data as CSV: ${spec.title}`} onClick={() => save('csv')}>
          Save data as CSV
        </button>
      </div>
      {status ? (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error-text' : 'hint'}>
          {status.text}
        </p>
      ) : null}
      {/* Always in the page (hidden until asked for) so the print view can show every table. */}
      <div id={id + '-d'} className="chart-table" hidden={!showTable}>
        <DataTable caption={table.caption} columns={table.columns} rows={table.rows} numeric={table.columns.map((_, i) => i).slice(1)} />
        {table.rows.some((r) => r.includes('z')) ? <p className="hint">z: not applicable (no one in that group at that date).</p> : null}
      </div>
    </figure>
  );
}
