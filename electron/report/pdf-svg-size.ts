// pdfmake reads each chart's size by parsing the whole SVG (xmldoc), then parses it again to write
// the size it will draw back into the text and serialises the whole document anew, before PDFKit
// parses it a third time to draw it. The paper's charts (chart-svg.ts) already carry their drawn
// size and a viewBox on the root element, so both steps can be answered from that one tag: the
// same size, the same text drawn, two parses fewer per chart. Anything else (a different size, a
// root without those attributes) goes to pdfmake's own code, wrapped here once, in place.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

interface SvgMeasurePrototype {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, dimensions: { width: number; height: number }): unknown;
}

/** width, height (plain numbers) and a viewBox on the root <svg> tag; otherwise null. */
export function rootSvgSize(svg: string): { width: number; height: number } | null {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root || !/\sviewBox="[^"]*"/.test(root)) return null;
  const width = /\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1];
  const height = /\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1];
  return width && height ? { width: Number(width), height: Number(height) } : null;
}

let installed = false;

export function installSvgSizeShortcut(): void {
  if (installed) return;
  const proto = (requireHere('pdfmake/src/svgMeasure') as { prototype: SvgMeasurePrototype }).prototype;
  const { measureSVG, writeDimensions } = proto;
  if (typeof measureSVG !== 'function' || typeof writeDimensions !== 'function') {
    throw new Error('pdfmake has changed: SVGMeasure.measureSVG or writeDimensions is missing');
  }
  proto.measureSVG = function (svg) {
    return (typeof svg === 'string' && rootSvgSize(svg)) || measureSVG.call(this, svg);
  };
  proto.writeDimensions = function (svg, dimensions) {
    const size = typeof svg === 'string' ? rootSvgSize(svg) : null;
    return size && size.width === dimensions.width && size.height === dimensions.height ? svg : writeDimensions.call(this, svg, dimensions);
  };
  installed = true;
}
