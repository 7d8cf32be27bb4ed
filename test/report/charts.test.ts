// The shared chart components rendered without a browser, as the paper draws them.
import { describe, expect, it } from 'vitest';
import { renderChartSvg, accessibleSvg } from '../../electron/report/chart-svg';
import type { BarChartSpec, LineChartSpec } from '../../shared/charts/spec';
import { chartTable } from '../../shared/charts/spec';
import { niceTicks, spreadLabels } from '../../shared/charts/scale';

const line: LineChartSpec = {
  kind: 'line', id: 't', title: 'Average caseload', summary: 'Average caseload fell.', valueLabel: 'Cases per worker', decimals: 1, xTitle: 'Month end',
  xLabels: ['Jan 2018', 'Feb 2018', 'Mar 2018'],
  series: [{ name: 'Social workers', values: [19.4, 18.2, 17.1] }, { name: 'ASYE', values: [null, 12, 12.5] }],
  reference: { value: 20, label: 'Threshold: 20' },
};

describe('charts', () => {
  it('draws a line chart as SVG with direct labels, the threshold label and the embedded font family', () => {
    const { svg, width, height } = renderChartSvg(line, 480);
    expect(width).toBe(480);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" font-family="DejaVu Sans"/);
    expect(svg).toContain(`height="${height}"`);
    expect(svg).toContain('Social workers: 17.1');
    expect(svg).toContain('ASYE: 12.5');
    expect(svg).toContain('Threshold: 20');
    expect(svg).not.toMatch(/NaN/);
    // Each series has its own dash pattern (colour is not the only difference).
    expect(svg).toContain('stroke-dasharray="6 3"');
  });

  it('gives a threshold at a round number room above it on the y axis, rather than drawing it on the top edge', () => {
    const { svg } = renderChartSvg(line, 480);
    // Values up to 19.4 and a threshold of 20: the axis runs to 25, not 20.
    const ticks = [...svg.matchAll(/<tspan[^>]*>(\d+)<\/tspan>/g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBe(25);
  });

  it('draws suppressed bars as no bar, labelled c', () => {
    const bar: BarChartSpec = {
      kind: 'bar', id: 'b', title: 'Leavers by reason', summary: 's', valueLabel: 'Leavers', decimals: 0, xTitle: 'Reason',
      categories: ['Resignation', 'Retired'], series: [{ name: 'Leavers', values: [12, null] }], valueText: [undefined, 'c'],
    };
    const { svg } = renderChartSvg(bar, 480);
    expect(svg).toContain('>12<');
    expect(svg).toContain('>c<');
    expect(svg).not.toMatch(/NaN/);
    expect(chartTable(bar).rows).toEqual([['Resignation', '12'], ['Retired', 'c']]);
  });

  it('leaves a suppressed point out of a line chart, labelled c, and says c in the data table', () => {
    const spec: LineChartSpec = {
      kind: 'line', id: 'm', title: 'Leavers each month', summary: 's', valueLabel: 'Leavers', decimals: 0, xTitle: 'Month',
      xLabels: ['Jan 2025', 'Feb 2025', 'Mar 2025'],
      series: [{ name: 'Leavers', values: [7, null, null], valueText: [undefined, 'c', 'c'] }],
    };
    const { svg } = renderChartSvg(spec, 480);
    expect(svg.match(/class="suppressed-mark"[^>]*>c</g)).toHaveLength(2);
    // The direct label does not pass off January's 7 as the latest figure.
    expect(svg).toContain('Leavers: c');
    expect(svg).not.toContain('Leavers: 7');
    expect(chartTable(spec).rows).toEqual([['Jan 2025', '7'], ['Feb 2025', 'c'], ['Mar 2025', 'c']]);
  });

  it('names and describes the chart for screen readers in HTML', () => {
    const svg = accessibleSvg(renderChartSvg(line, 480), line);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="chart-t-title chart-t-desc" focusable="false" /);
    expect(svg).toContain('<title id="chart-t-title">Average caseload</title><desc id="chart-t-desc">Average caseload fell.</desc>');
  });

  it('chooses whole-number ticks for counts and spreads labels that would overlap', () => {
    expect(niceTicks(2, 0, true).ticks).toEqual([0, 1, 2]);
    expect(niceTicks(18.2).ticks).toEqual([0, 5, 10, 15, 20]);
    const ys = spreadLabels([100, 102, 200], 12, 0, 300);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(12);
    expect(ys[2]).toBe(200);
  });
});
