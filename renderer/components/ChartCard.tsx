// One chart with its plain-English summary, and its data table a click away. The chart itself is
// the shared component the committee paper draws, so screen and paper cannot disagree.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Chart, chartTable, type ChartSpec } from '../../shared/charts';
import { DataTable } from './ui';

export function ChartCard({ spec, width = 560 }: { spec: ChartSpec; width?: number }) {
  const [showTable, setShowTable] = useState(false);
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
  return (
    <figure className="chart-card" aria-labelledby={id + '-t'}>
      <h3 id={id + '-t'}>{spec.title}</h3>
      <p className="chart-summary" id={id + '-s'}>
        {spec.summary}
      </p>
      <div className="chart-frame" ref={frame} role="img" aria-labelledby={id + '-t'} aria-describedby={id + '-s'}>
        <Chart spec={spec} width={width} />
      </div>
      <button type="button" className="link-button" aria-expanded={showTable} aria-controls={id + '-d'} onClick={() => setShowTable((v) => !v)}>
        {showTable ? 'Hide the data table' : 'Show the data table'}
      </button>
      <div id={id + '-d'} hidden={!showTable}>
        {showTable ? (
          <>
            <DataTable caption={table.caption} columns={table.columns} rows={table.rows} numeric={table.columns.map((_, i) => i).slice(1)} />
            {table.rows.some((r) => r.includes('z')) ? <p className="hint">z: not applicable (no one in that group at that date).</p> : null}
          </>
        ) : null}
      </div>
    </figure>
  );
}
