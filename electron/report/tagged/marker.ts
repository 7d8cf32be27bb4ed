// Rendering half of the tagged-PDF layer: pdfmake draws each page's items in order and reports
// after each one (its progress callback); PDFKit announces each new page ('pageAdded'). Between
// two items this opens the marked-content sequence the next item belongs to: a structure
// element's content (BDC with an MCID, linked into the structure tree) or an artifact. Runs of
// items with the same tag share one sequence. Structure elements are created the first time
// their content is drawn, so the tree's order is the drawing order, which is the layout order.
import { isArtifact, type ArtifactTag, type PdfTag } from './tags';

interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}
export interface TaggingPdfKit {
  markStructureContent(tag: string, options?: object): unknown;
  markContent(tag: string, options?: object | null): unknown;
  endMarkedContent(): unknown;
  struct(type: string, options?: object): StructElement;
  addStructure(element: StructElement): unknown;
  on(event: 'pageAdded', listener: () => void): unknown;
  _pdfMakePages?: Array<{ items: PageItem[] }>;
}
export interface PageItem {
  type: string;
  item?: { _pdfTag?: PdfTag | ArtifactTag; inlines?: Array<{ text?: string }> };
}

/** What the marker found: text drawn outside every tagged node would be invisible to a screen reader. */
export interface TaggingReport {
  untaggedText: string[];
  elements: number;
  sequences: number;
}

const DOCUMENT: PdfTag = { role: 'Document' };
/** Text outside every tag: still put in the tree (never lost), and reported. */
const FALLBACK: PdfTag = { role: 'P', parent: DOCUMENT };
const LAYOUT: ArtifactTag = { artifact: 'Layout' };

type Key = PdfTag | ArtifactTag | 'neutral';

export function attachMarker(doc: TaggingPdfKit): { progress: () => void; finish: () => TaggingReport } {
  const elements = new Map<PdfTag, StructElement>();
  const report: TaggingReport = { untaggedText: [], elements: 0, sequences: 0 };
  let page = -1;
  let index = 0;
  let open: Key | undefined;

  const element = (tag: PdfTag): StructElement => {
    const existing = elements.get(tag);
    if (existing) return existing;
    const parentTag = tag.parent ?? (tag === DOCUMENT ? undefined : DOCUMENT);
    const parent = parentTag ? element(parentTag) : undefined;
    for (const sibling of tag.before ?? []) element(sibling);
    const created = doc.struct(tag.role, tag.alt !== undefined ? { alt: tag.alt } : {});
    if (tag.attributes) created.dictionary.data.A = { ...tag.attributes };
    if (parent) parent.add(created);
    else doc.addStructure(created);
    elements.set(tag, created);
    report.elements++;
    return created;
  };

  const keyOf = (item: PageItem): Key => {
    if (item.type === 'beginClip' || item.type === 'endClip') return 'neutral';
    const tag = item.item?._pdfTag;
    if (item.type === 'vector') return tag && isArtifact(tag) ? tag : LAYOUT;
    if (tag) return tag;
    const text = (item.item?.inlines ?? []).map((i) => i.text ?? '').join('');
    if (!text.trim()) return LAYOUT;
    report.untaggedText.push(text);
    return FALLBACK;
  };

  const close = () => {
    if (open !== undefined) doc.endMarkedContent();
    open = undefined;
  };

  const enter = (item: PageItem | undefined) => {
    if (!item) return close();
    const key = keyOf(item);
    if (key === 'neutral' || key === open) return;
    close();
    if (isArtifact(key)) doc.markContent('Artifact', { type: key.artifact });
    else element(key).add(doc.markStructureContent(key.role));
    report.sequences++;
    open = key;
  };

  const items = () => doc._pdfMakePages?.[page]?.items ?? [];

  doc.on('pageAdded', () => {
    page++;
    index = 0;
    open = undefined;
    enter(items()[0]);
  });

  return {
    progress: () => {
      index++;
      enter(items()[index]);
    },
    finish: () => {
      close();
      return report;
    },
  };
}
