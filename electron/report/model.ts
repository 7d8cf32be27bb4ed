// The committee paper as data: sections of blocks (paragraphs, headline tiles, charts, tables),
// with every number already formatted and every small count already suppressed. The PDF and
// HTML renderers only lay it out, so the two formats cannot say different things.
import type { IsoDate } from '../../shared/dates';
import type { ChartSpec } from '../../shared/charts/spec';
import type { PaperSectionId } from '../../shared/paper-config';

export interface Tile {
  label: string;
  value: string;
  /** What the value counts, under it: "cases per social worker (excluding ASYE)". */
  caption: string;
  /** Lines such as "A year ago: 19.4 (down 2.3)", "Target: 20 or fewer: met", "England: 15.4". */
  details: string[];
  /** 'met' | 'not met' | null, also written out in `details` (never colour alone). */
  target: 'met' | 'not met' | null;
}

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
}

export interface TableBlock {
  id: string;
  caption: string;
  columns: TableColumn[];
  /** The first cell of each row is its row header. */
  rows: string[][];
  /** A totals row, shown last and in bold. */
  totalRow?: string[];
  footnotes: string[];
}

export type Block =
  /** `number` is the paragraph's number as printed ("3.2"), as committee reports number them. */
  | { type: 'paragraph'; text: string; number?: string }
  | { type: 'commentary'; paragraphs: string[]; numbers?: string[] }
  | { type: 'subheading'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'tiles'; tiles: Tile[] }
  /** `appendixTable` is the appendix table's label ("A1"), `appendixId` its anchor. */
  | { type: 'chart'; spec: ChartSpec; figure: number; appendixTable: string; appendixId?: string }
  | { type: 'table'; table: TableBlock }
  | { type: 'definitions'; items: Array<{ term: string; definition: string }> };

export interface PaperSection {
  id: PaperSectionId;
  /** Section number as printed ("3"), null for the cover block. */
  number: number | null;
  title: string;
  blocks: Block[];
}

export interface PaperMeta {
  /** The document title (also the PDF's and the HTML's title). */
  title: string;
  councilName: string;
  committee: string;
  /** Long-form meeting date, or '' when not set. */
  meetingDate: string;
  asAt: IsoDate;
  asAtLong: string;
  author: string;
  subject: string;
  keywords: string;
  language: 'en-GB';
  status: 'public' | 'exempt';
  generatedOn: IsoDate;
}

export interface PaperModel {
  meta: PaperMeta;
  cover: Array<{ term: string; definition: string }>;
  sections: PaperSection[];
  /**
   * For the author before export, never printed in the paper: placeholders still in it, a council
   * name that differs from the DfE code's council, a comparison that needs a setting. The command
   * line prints them on stderr; the Paper screen shows them above the preview.
   */
  warnings: string[];
}
