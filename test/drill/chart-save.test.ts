// Saving a chart: the SVG the page sends is checked to be a plain drawing before it is written
// or drawn (a compromised page cannot save a script or make resvg fetch a file), a PNG is drawn
// from it, and a chart's data table carries the counts behind its rates after the plotted series.
import { describe, expect, it } from 'vitest';
import { chartPng, checkChartSvg, PNG_ZOOM } from '../../electron/handlers/charts';
import { chartTable, type LineChartSpec } from '../../shared/charts';
import { renderChartSvg } from '../../electron/report/chart-svg';

const spec: LineChartSpec = {
  kind: 'line',
  id: 'agency',
  title: 'Agency rate by month',
  summary: 'The agency rate fell.',
  valueLabel: '%',
  decimals: 1,
  unit: '%',
  xTitle: 'Month end',
  xLabels: ['Aug 25', 'Sep 25'],
  series: [{ name: 'Agency rate', values: [20, 15] }],
  counts: [
    { name: 'Agency FTE', values: [20, 15], decimals: 1 },
    { name: 'All social worker FTE', values: [100, 100], decimals: 1 },
  ],
};

describe('saving a chart', () => {
  it('refuses anything a chart never contains, in plain words', () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg><rect onclick="x()"/></svg>',
      '<svg><image href="file:///etc/passwd"/></svg>',
      '<svg><a xlink:href="https://example.com"><text>x</text></a></svg>',
      '<svg><rect style="fill:url(https://example.com/x)"/></svg>',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
      '<div>not a chart</div>',
    ]) {
      expect(() => checkChartSvg(bad)).toThrow(/was not a chart Scrutiny Pack drew/);
    }
    // A chart's own references to its clip paths stay.
    expect(checkChartSvg('<svg><rect clip-path="url(#c1)"/></svg>')).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect clip-path="url(#c1)"/></svg>');
  });

  it('draws the shared chart as a PNG at twice its size', () => {
    const svg = checkChartSvg(renderChartSvg(spec, 560).svg);
    const png = chartPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(560 * PNG_ZOOM);
  });

  it('puts the counts behind each rate in the data table', () => {
    const t = chartTable(spec);
    expect(t.columns).toEqual(['Month end', 'Agency rate', 'Agency FTE', 'All social worker FTE']);
    expect(t.rows).toEqual([
      ['Aug 25', '20.0%', '20.0', '100.0'],
      ['Sep 25', '15.0%', '15.0', '100.0'],
    ]);
  });
});
