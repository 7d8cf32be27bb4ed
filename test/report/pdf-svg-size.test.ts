// The shortcut around pdfmake's double parse of each chart (electron/report/pdf-svg-size.ts): it
// must give pdfmake exactly what pdfmake's own code gives, and leave anything else to it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../electron/report/chart-svg';
import { installSvgSizeShortcut, rootSvgSize } from '../../electron/report/pdf-svg-size';
import type { LineChartSpec } from '../../shared/charts/spec';

const requireHere = createRequire(import.meta.url);
const line: LineChartSpec = {
  kind: 'line', id: 't', title: 'Average caseload & more', summary: 'Average caseload fell <a little>.', valueLabel: 'Cases per worker', decimals: 1, xTitle: 'Month end',
  xLabels: ['Jan 2018', 'Feb 2018', 'Mar 2018'],
  series: [{ name: 'Social workers', values: [19.4, 18.2, 17.1] }],
};

describe('pdfmake SVG size shortcut', () => {
  it('reads the size of a paper chart from its root tag, as pdfmake does by parsing it', () => {
    const { svg, width, height } = renderChartSvg(line, 495.28);
    const SvgMeasure = requireHere('pdfmake/src/svgMeasure') as new () => { measureSVG(s: string): unknown; writeDimensions(s: string, d: object): string };
    const theirs = new SvgMeasure().measureSVG(svg);
    installSvgSizeShortcut();
    expect(rootSvgSize(svg)).toEqual({ width, height });
    expect(new SvgMeasure().measureSVG(svg)).toEqual(theirs);
    // The same size written back: the text is left as it is.
    expect(new SvgMeasure().writeDimensions(svg, { width, height })).toBe(svg);
    // Another size still goes through pdfmake's own rewrite.
    expect(new SvgMeasure().writeDimensions(svg, { width: 200, height: 100 })).toMatch(/^<svg[^>]* width="200" height="100"/);
  });

  it('leaves an SVG without a viewBox or with sizes in other units to pdfmake', () => {
    expect(rootSvgSize('<svg width="10" height="20"><g/></svg>')).toBeNull();
    expect(rootSvgSize('<svg width="10mm" height="20mm" viewBox="0 0 10 20"></svg>')).toBeNull();
    expect(rootSvgSize('<g width="10" height="20" viewBox="0 0 10 20"></g>')).toBeNull();
    expect(rootSvgSize('<svg viewBox="0 0 10 20" stroke-width="3" width="10" height="20.5"></svg>')).toEqual({ width: 10, height: 20.5 });
  });
});
