// A chart as a PNG for Word: the very SVG the PDF draws (chart-svg.ts), rasterised by resvg
// (no browser) with the paper's own font files, at print resolution.
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../../shared/charts';
import { renderChartSvg } from '../chart-svg';
import { FONT_NAME, paperFonts } from '../fonts';

/** Print resolution: 300 dots per inch of the chart's printed size (its SVG units are points). */
export const PRINT_DPI = 300;

export interface ChartPng {
  png: Buffer;
  /** The printed size in points (1/72 inch), as in the PDF. */
  widthPt: number;
  heightPt: number;
  /** Pixels in the PNG. */
  widthPx: number;
  heightPx: number;
}

export function renderChartPng(spec: ChartSpec, widthPt: number): ChartPng {
  const chart = renderChartSvg(spec, widthPt);
  const fonts = paperFonts()[FONT_NAME]!;
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'zoom', value: PRINT_DPI / 72 },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics], defaultFontFamily: FONT_NAME },
  });
  const image = resvg.render();
  return { png: image.asPng(), widthPt: chart.width, heightPt: chart.height, widthPx: image.width, heightPx: image.height };
}
