// What the tagged-PDF layer reads from the pdfmake document: a `pdfTag` on a content node names
// the structure element its text and drawings belong to. Plain data, so the document definition
// stays a description and the layer (layout-hooks.ts, marker.ts) does the writing.

/** The standard structure types the paper uses (PDF 1.7, 14.8.4). */
export type PdfRole =
  | 'Document' | 'Div' | 'H1' | 'H2' | 'H3' | 'P' | 'Caption' | 'Note'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'TR' | 'TH' | 'TD'
  | 'TOC' | 'TOCI' | 'Figure';

export interface PdfTag {
  role: PdfRole;
  /** Alternative text (figures). */
  alt?: string;
  /** The structure attributes, e.g. { O: 'Table', Scope: 'Column' } (names, written as PDF names). */
  attributes?: Record<string, string>;
  /** The enclosing element; when left out, the nearest tagged node being laid out around it. */
  parent?: PdfTag;
  /** Siblings created (empty) before this element so they come first in reading order (a list item's label). */
  before?: PdfTag[];
  /** Tables: the first `captionRows` rows are the caption, the next `headerRows` are column headers. */
  table?: { captionRows: number; headerRows: number; rowHeaders: boolean };
}

/** Content drawn for every page (running header, footer, page numbers): an artifact, not structure. */
export const ARTIFACT_PAGINATION = 'Pagination' as const;
export interface ArtifactTag {
  artifact: 'Pagination' | 'Layout';
}

/** A pdfmake node with its tag. */
export type Tagged<T> = T & { pdfTag?: PdfTag | ArtifactTag };

export function tagged<T extends object>(node: T, role: PdfRole, extra: Omit<PdfTag, 'role'> = {}): Tagged<T> {
  return { ...node, pdfTag: { role, ...extra } };
}

export function artifact<T extends object>(node: T, kind: ArtifactTag['artifact'] = ARTIFACT_PAGINATION): Tagged<T> {
  return { ...node, pdfTag: { artifact: kind } };
}

export function isArtifact(tag: PdfTag | ArtifactTag | undefined): tag is ArtifactTag {
  return !!tag && 'artifact' in tag;
}
