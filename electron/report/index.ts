// The committee paper: the functions the app and the command line call.
//   producePaper(db, { asAt, config, format })  -> the finished PDF bytes or HTML text
//   buildPaperFromDb(db, asAt, config)          -> the paper as data (PaperModel)
//   buildPaperModel(metrics, config, context)   -> the same, from figures already computed
//   renderPdf(model) / renderHtml(model)        -> the PDF and HTML
//   renderDocx(model, config, { mode, template }) -> Word (docx/index.ts)
//   producePaperWithWarnings(db, request)       -> the file and the author's warnings (model.warnings)
import type { Db } from '../db/open';
import { todayIso, type IsoDate } from '../../shared/dates';
import { parsePaperConfig, type PaperConfig } from '../../shared/paper-config';
import { computeMetrics } from '../measures/index';
import { buildPaperModel } from './build-model';
import { gatherPaperContext } from './gather';
import { renderHtml } from './render-html';
import type { DocxOptions, DocxTemplate } from './docx/index';
import type { PaperModel } from './model';

export { buildPaperModel } from './build-model';
export { renderHtml } from './render-html';
export { gatherPaperContext } from './gather';
export type { DocxMode, DocxOptions, DocxTemplate } from './docx/index';

// The PDF and Word writers (pdfmake, docx, resvg) are loaded only when their format is asked
// for: each is a quarter of a second of a new process's start that the other formats need not pay.
export async function renderPdf(model: PaperModel): Promise<Buffer> {
  return (await import('./render-pdf')).renderPdf(model);
}

export async function renderDocx(model: PaperModel, config: PaperConfig, options?: DocxOptions): Promise<Buffer> {
  return (await import('./docx/index')).renderDocx(model, config, options);
}

export async function readDocxTemplate(bytes: Buffer, name?: string): Promise<DocxTemplate> {
  return (await import('./docx/index')).readDocxTemplate(bytes, name);
}
export { loadPaperConfig, savePaperConfig } from './config-store';
export type { PaperModel } from './model';
export type { PaperContext } from './context';

export type PaperFormat = 'pdf' | 'html' | 'docx';

export interface PaperRequest {
  asAt: IsoDate;
  /** A configuration (parsed or raw JSON object); defaults fill anything missing. */
  config?: PaperConfig | Record<string, unknown>;
  /** The date printed as "produced on" (default today). */
  generatedOn?: IsoDate;
  /** Word only: the paper or an appendix, and the council's template. */
  docx?: DocxOptions;
}

export function buildPaperFromDb(db: Db, request: PaperRequest): PaperModel {
  const config = parsePaperConfig(request.config ?? {});
  const metrics = computeMetrics(db, request.asAt, { months: config.months });
  const context = gatherPaperContext(db, metrics, request.generatedOn ?? todayIso());
  return buildPaperModel(metrics, config, context);
}

export async function producePaper(db: Db, request: PaperRequest & { format: 'pdf' }): Promise<Buffer>;
export async function producePaper(db: Db, request: PaperRequest & { format: 'html' }): Promise<string>;
export async function producePaper(db: Db, request: PaperRequest & { format: 'docx' }): Promise<Buffer>;
export async function producePaper(db: Db, request: PaperRequest & { format: PaperFormat }): Promise<Buffer | string>;
export async function producePaper(db: Db, request: PaperRequest & { format: PaperFormat }): Promise<Buffer | string> {
  return (await producePaperWithWarnings(db, request)).content;
}

/** The paper and what its author should fix before it is published (model.warnings). */
export async function producePaperWithWarnings(db: Db, request: PaperRequest & { format: PaperFormat }): Promise<{ content: Buffer | string; warnings: string[] }> {
  return renderPaper(buildPaperFromDb(db, request), request);
}

/** A paper already built as data, written in the format asked for (the export thread builds the model in its own read transaction). */
export async function renderPaper(model: PaperModel, request: PaperRequest & { format: PaperFormat }): Promise<{ content: Buffer | string; warnings: string[] }> {
  if (request.format === 'docx') return { content: await renderDocx(model, parsePaperConfig(request.config ?? {}), request.docx), warnings: model.warnings };
  return { content: request.format === 'pdf' ? await renderPdf(model) : renderHtml(model), warnings: model.warnings };
}
