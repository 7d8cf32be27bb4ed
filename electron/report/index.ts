// The committee paper: the functions the app and the command line call.
//   producePaper(db, { asAt, config, format })  -> the finished PDF bytes or HTML text
//   buildPaperFromDb(db, asAt, config)          -> the paper as data (PaperModel)
//   buildPaperModel(metrics, config, context)   -> the same, from figures already computed
//   renderPdf(model) / renderHtml(model)        -> the PDF and HTML
//   renderDocx(model, config, { mode, template }) -> Word (docx/index.ts)
import type { Db } from '../db/open';
import { todayIso, type IsoDate } from '../../shared/dates';
import { parsePaperConfig, type PaperConfig } from '../../shared/paper-config';
import { computeMetrics } from '../measures/index';
import { buildPaperModel } from './build-model';
import { gatherPaperContext } from './gather';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';
import { renderDocx, type DocxOptions } from './docx/index';
import type { PaperModel } from './model';

export { buildPaperModel } from './build-model';
export { renderPdf } from './render-pdf';
export { renderHtml } from './render-html';
export { gatherPaperContext } from './gather';
export { renderDocx, readDocxTemplate, type DocxMode, type DocxOptions, type DocxTemplate } from './docx/index';
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
  const model = buildPaperFromDb(db, request);
  if (request.format === 'docx') return renderDocx(model, parsePaperConfig(request.config ?? {}), request.docx);
  return request.format === 'pdf' ? renderPdf(model) : renderHtml(model);
}
