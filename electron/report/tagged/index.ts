// A tagged PDF from pdfmake: the document definition says what each node is (`pdfTag`, see
// tags.ts); layout-hooks.ts stamps every placed line, chart and image with its node's tag while
// pdfmake lays the pages out; marker.ts wraps each one in marked content as pdfmake draws it,
// building PDFKit's structure tree (StructTreeRoot, MarkInfo /Marked true). docs/paper.md,
// "Tagged PDF", says what this covers and what it does not.
import { createRequire } from 'node:module';
import type PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { installLayoutHooks } from './layout-hooks';
import { attachMarker, type TaggingPdfKit, type TaggingReport } from './marker';

export { tagged, artifact, type PdfTag, type PdfRole } from './tags';
export type { TaggingReport } from './marker';

const requireHere = createRequire(import.meta.url);

interface Engine {
  createPdfDocument(options: object): TaggingPdfKit;
}

/**
 * pdfmake's createPdfKitDocument with the structure tree written. PDFKit's document is made
 * inside pdfmake and drawn before it is returned, so the marker is attached by wrapping
 * pdfmake's engine factory for the length of this one synchronous call.
 */
export function createTaggedPdfKitDocument(
  printer: PdfPrinter,
  definition: TDocumentDefinitions,
  options: { bufferPages?: boolean } = {},
): { doc: PDFKit.PDFDocument; report: TaggingReport } {
  installLayoutHooks();
  const engine = requireHere('pdfmake/src/pdfKitEngine') as Engine;
  const original = engine.createPdfDocument;
  let marker: ReturnType<typeof attachMarker> | undefined;
  engine.createPdfDocument = (pdfOptions: object) => {
    const doc = original(pdfOptions);
    marker = attachMarker(doc);
    return doc;
  };
  let doc: PDFKit.PDFDocument;
  try {
    doc = printer.createPdfKitDocument(
      { ...definition, tagged: true, version: '1.7' } as TDocumentDefinitions,
      { ...options, progressCallback: () => marker?.progress() } as object,
    );
  } finally {
    engine.createPdfDocument = original;
  }
  if (!marker) throw new Error('The PDF could not be tagged: pdfmake did not create its document through its engine.');
  return { doc, report: marker.finish() };
}
