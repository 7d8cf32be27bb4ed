// pdfmake reads each chart's size by parsing the whole SVG (xmldoc), then parses it again to write
// the size it will draw back into the text and serialises the whole document anew, before PDFKit
// parses it a third time to draw it. The paper's charts (chart-svg.ts) already carry their drawn
// size and a viewBox on the root element, so both steps can be answered from that one tag: the
// same size, the same text drawn, two parses fewer per chart. Anything else (a different size, a
// root without those attributes) goes to pdfmake's own code, wrapped here once, in place.
import { pdfmakeModule, wrapMethod } from './pdfmake-internals';

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
  const proto = pdfmakeModule('svgMeasure').prototype;
  const purpose = 'the paper\'s charts cannot be measured';
  wrapMethod(proto, 'measureSVG', (measureSVG) => function (this: unknown, ...args) {
    const [svg] = args as unknown as [unknown];
    return (typeof svg === 'string' && rootSvgSize(svg)) || measureSVG.apply(this, args);
  }, purpose);
  wrapMethod(proto, 'writeDimensions', (writeDimensions) => function (this: unknown, ...args) {
    const [svg, dimensions] = args as unknown as [unknown, { width: number; height: number }];
    const size = typeof svg === 'string' ? rootSvgSize(svg) : null;
    return size && size.width === dimensions.width && size.height === dimensions.height ? svg : writeDimensions.apply(this, args);
  }, purpose);
  installed = true;
}
