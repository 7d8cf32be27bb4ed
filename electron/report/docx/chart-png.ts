// A chart as a PNG for Word: the very SVG the PDF draws (chart-svg.ts), rasterised by resvg
// (no browser) with the paper's own font files, at print resolution.
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
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

function resvgOptions(): ResvgRenderOptions {
  const fonts = paperFonts()[FONT_NAME]!;
  return {
    fitTo: { mode: 'zoom', value: PRINT_DPI / 72 },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics], defaultFontFamily: FONT_NAME },
  };
}

/** Charts rasterised ahead (prerenderChartPngs), by spec and width. */
const ready = new WeakMap<ChartSpec, Map<number, ChartPng>>();

export function renderChartPng(spec: ChartSpec, widthPt: number): ChartPng {
  const done = ready.get(spec)?.get(widthPt);
  if (done) return done;
  const chart = renderChartSvg(spec, widthPt);
  const image = new Resvg(chart.svg, resvgOptions()).render();
  return { png: image.asPng(), widthPt: chart.width, heightPt: chart.height, widthPx: image.width, heightPx: image.height };
}

/**
 * Rasterises every chart at once on libuv's worker threads (resvg's renderAsync), while this
 * thread draws the next chart's SVG and encodes the finished ones: the paper's nine charts take
 * about 35 ms each to rasterise, which a second core can do beside the rest. renderChartPng then
 * finds them ready.
 */
export async function prerenderChartPngs(specs: ChartSpec[], widthPt: number): Promise<void> {
  const options = resvgOptions();
  await Promise.all(specs.map(async (spec) => {
    const chart = renderChartSvg(spec, widthPt);
    const image = await renderAsync(chart.svg, options);
    const png: ChartPng = { png: image.asPng(), widthPt: chart.width, heightPt: chart.height, widthPx: image.width, heightPx: image.height };
    const bySize = ready.get(spec) ?? new Map<number, ChartPng>();
    bySize.set(widthPt, png);
    ready.set(spec, bySize);
  }));
}
