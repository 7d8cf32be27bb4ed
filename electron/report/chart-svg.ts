// Charts as SVG text without a browser: the shared recharts components rendered with
// react-dom/server at a fixed size, then tidied for their two destinations (pdfmake's svg node
// and inline SVG in the HTML paper).
import './react-production';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Chart, CHART_FONT_FAMILY, chartHeight, type ChartSpec } from '../../shared/charts';

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

/**
 * The chart's <svg> element alone (recharts wraps it in a div meant for the DOM). `height`
 * defaults to the chart's own; the PDF draws one lower to fit it at a page foot (pdf-fit.ts).
 */
export function renderChartSvg(spec: ChartSpec, width: number, height: number = chartHeight(spec)): RenderedChart {
  const markup = renderToStaticMarkup(createElement(Chart, { spec, width, height }));
  const start = markup.indexOf('<svg');
  const end = markup.lastIndexOf('</svg>');
  if (start < 0 || end < 0) throw new Error(`The chart "${spec.title}" could not be drawn.`);
  let svg = markup.slice(start, end + '</svg>'.length);
  // Size attributes only (the CSS 100% sizing is for a resizable container), and one font for
  // every piece of text so the PDF embeds it rather than falling back to a built-in font.
  svg = svg.replace(' style="width:100%;height:100%"', '');
  svg = svg.replace('<svg ', `<svg xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT_FAMILY}" `);
  return { svg, width, height };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The chart as accessible inline SVG for the HTML paper: role="img" named by its <title> and
 * described by its <desc> (the automatic summary), with ids unique in the page.
 */
export function accessibleSvg(rendered: RenderedChart, spec: ChartSpec): string {
  const titleId = `chart-${spec.id}-title`;
  const descId = `chart-${spec.id}-desc`;
  let svg = rendered.svg.replace(/<title>[^<]*<\/title><desc>[^<]*<\/desc>/, '');
  svg = svg.replace(
    '<svg ',
    `<svg role="img" aria-labelledby="${titleId} ${descId}" focusable="false" `,
  );
  // recharts numbers its clip paths per render; make them unique to this chart in the page.
  svg = svg.replace(/recharts(\d+)-clip/g, `${spec.id}-clip$1`);
  const firstClose = svg.indexOf('>') + 1;
  return svg.slice(0, firstClose) +
    `<title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.summary)}</desc>` +
    svg.slice(firstClose);
}
