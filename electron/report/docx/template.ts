// A council's own Word template. Two ways, decided by what the template contains:
//  - a paragraph holding only {{paper}}: the paper is written in its place (docx's
//    patchDocument), so everything else is kept as the council made it: its styles, logo,
//    headers and footers, page set-up and any fixed text before or after the placeholder;
//  - no placeholder: only the template's styles (word/styles.xml: fonts, Heading 1-3, colours)
//    are adopted, on a new document with the paper's own header and page numbers.
import JSZip from 'jszip';
import { patchDetector, patchDocument, PatchType, type FileChild, type INumberingOptions } from 'docx';

export const PAPER_PLACEHOLDER = 'paper';

export interface DocxTemplate {
  bytes: Buffer;
  /** True when the template has a {{paper}} placeholder. */
  placeholder: boolean;
  stylesXml: string;
}

export class TemplateError extends Error {}

export async function readDocxTemplate(bytes: Buffer, name = 'The template'): Promise<DocxTemplate> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new TemplateError(`${name} is not a Word document (.docx). Save it from Word as "Word Document (*.docx)" and try again.`);
  }
  const styles = zip.file('word/styles.xml');
  if (!zip.file('word/document.xml') || !styles) {
    throw new TemplateError(`${name} is not a Word document (.docx): it has no document or styles part. Save it from Word as "Word Document (*.docx)" and try again.`);
  }
  const placeholders = await patchDetector({ data: bytes });
  return { bytes, placeholder: placeholders.includes(PAPER_PLACEHOLDER), stylesXml: await styles.async('string') };
}

export async function fillTemplate(template: DocxTemplate, children: FileChild[], numbering: INumberingOptions): Promise<Buffer> {
  const out = await patchDocument({
    outputType: 'nodebuffer',
    data: template.bytes,
    patches: { [PAPER_PLACEHOLDER]: { type: PatchType.DOCUMENT, children } },
    keepOriginalStyles: true,
    numbering,
  });
  return Buffer.from(out);
}
