// Saving a chart drawn on the overview: its SVG as drawn (the same shared chart the paper uses),
// or a PNG the main process draws from it with resvg and the paper's own fonts, so the picture
// is the same on every computer. The SVG comes from the page, so anything a chart never contains
// (scripts, event handlers, external images or links, entities) is refused, never written or drawn.
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { OutputRef } from '../../shared/api';
import { writeFileAtomic } from '../files/atomic-write';
import { FONT_NAME, paperFonts } from '../report/fonts';
import { UserError, type AppContext } from './context';
import { outputRef } from './files';
import { withExtension } from './file-types';

const NOT_A_CHART = /<script|<foreignObject|<image\b|<iframe|<!DOCTYPE|<!ENTITY|\shref\s*=|xlink:href|\son[a-z]+\s*=|javascript:|url\(\s*['"]?(?!#)/i;

/** Screen charts are drawn about 560 units wide: twice that gives a sharp picture for a slide. */
export const PNG_ZOOM = 2;

export function checkChartSvg(svg: string): string {
  const text = svg.trim();
  if (!/^<svg[\s>]/.test(text) || !text.endsWith('</svg>') || NOT_A_CHART.test(text)) {
    throw new UserError('That chart could not be saved: what the screen sent was not a chart Scrutiny Pack drew. Reload the overview and try again.');
  }
  // An SVG file needs its namespace to open on its own (a browser adds it only inside a page).
  return /^<svg[^>]*\sxmlns=/.test(text) ? text : text.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
}

export function chartPng(svg: string): Buffer {
  const fonts = paperFonts()[FONT_NAME]!;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics], defaultFontFamily: FONT_NAME },
  });
  return resvg.render().asPng();
}

export async function saveChart(ctx: AppContext, suggestedName: string, svg: string, format: 'svg' | 'png'): Promise<OutputRef | null> {
  const clean = checkChartSvg(svg);
  const content = format === 'png' ? chartPng(clean) : `<?xml version="1.0" encoding="UTF-8"?>\n${clean}\n`;
  const base = path.basename(suggestedName).replace(/\.[^.]*$/, '');
  const chosen = await ctx.host.pickSaveFile({
    title: format === 'png' ? 'Save the chart as a picture' : 'Save the chart as SVG',
    suggestedName: `${base}.${format}`,
    filters: [{ name: format === 'png' ? 'PNG picture' : 'SVG drawing', extensions: [format] }],
  });
  if (!chosen) return null;
  const dest = withExtension(chosen, format);
  writeFileAtomic(dest, content);
  return outputRef(ctx, dest);
}
