// Layout half of the tagged-PDF layer: while pdfmake lays the document out, each line, SVG and
// image it places on a page is stamped (`_pdfTag`) with the tag of the innermost tagged node
// being laid out. pdfmake copies these objects' own properties when it moves a kept-together
// block or repeats a table header, so the stamp travels with them to the page they land on.
//
// Four of pdfmake 0.2's internal methods are wrapped, once, in place (pdfmake has no hook for
// this; the wrappers call the originals unchanged, so the layout is the same to the point):
//   LayoutBuilder.processNode   keeps the stack of tagged nodes being laid out
//   LayoutBuilder.processTable  tags each row TR and each cell TH/TD (or TOCI in the contents)
//   LayoutBuilder.processList   tags each list item LI > Lbl + LBody
//   ElementWriter.addLine/addSVG/addImage  stamp what is placed; addFragment marks repeated
//                                table headers on later pages as artifacts (read once, not twice)
import { pdfmakeModule, wrapMethod, type Method } from '../pdfmake-internals';
import { isArtifact, type ArtifactTag, type PdfTag } from './tags';

type AnyTag = PdfTag | ArtifactTag;
interface Node {
  pdfTag?: AnyTag;
  table?: { body: Node[][]; headerRows?: number };
  ol?: Node[];
  ul?: Node[];
  [key: string]: unknown;
}
interface Placed { _pdfTag?: AnyTag }
type Fn = Method;

const stack: AnyTag[] = [];
const REPEATED_HEADER: ArtifactTag = { artifact: 'Pagination' };
let installed = false;

function top(): AnyTag | undefined {
  return stack[stack.length - 1];
}

/** Cells of a tagged table: caption rows, then header rows (TH scope Column), then TD with a row header. */
function tagTableCells(tableNode: Node, owner: PdfTag): void {
  const body = tableNode.table!.body;
  const spec = owner.table ?? { captionRows: 0, headerRows: tableNode.table!.headerRows ?? 1, rowHeaders: false };
  body.forEach((row, r) => {
    if (r < spec.captionRows) {
      const caption: PdfTag = { role: 'Caption', parent: owner };
      for (const cell of row) cell.pdfTag ??= caption;
      return;
    }
    const tr: PdfTag = { role: 'TR', parent: owner };
    const header = r < spec.captionRows + spec.headerRows;
    row.forEach((cell, c) => {
      if (cell.pdfTag) return;
      if (cell._span) return;
      const th = header || (spec.rowHeaders && c === 0);
      cell.pdfTag = th
        ? { role: 'TH', parent: tr, attributes: { O: 'Table', Scope: header ? 'Column' : 'Row' } }
        : { role: 'TD', parent: tr };
    });
  });
}

function tagTocRows(tableNode: Node, owner: PdfTag): void {
  for (const row of tableNode.table!.body) {
    const item: PdfTag = { role: 'TOCI', parent: owner };
    for (const cell of row) cell.pdfTag ??= item;
  }
}

function tagListItems(items: Node[], owner: PdfTag, ordered: boolean): void {
  for (const item of items) {
    if (item.pdfTag) continue;
    const li: PdfTag = { role: 'LI', parent: owner };
    const label: PdfTag = { role: 'Lbl', parent: li };
    item.pdfTag = { role: 'LBody', parent: li, before: ordered ? [label] : [] };
  }
}

function wrap(proto: Record<string, Fn>, name: string, make: (original: Fn) => Fn): void {
  wrapMethod(proto, name, make, 'the PDF cannot be tagged');
}

/** Installs the wrappers (once per process). */
export function installLayoutHooks(): void {
  if (installed) return;
  installed = true;
  const LayoutBuilder = pdfmakeModule('layoutBuilder');
  const ElementWriter = pdfmakeModule('elementWriter');

  wrap(LayoutBuilder.prototype, 'processNode', (original) => function (this: unknown, ...args) {
    const node = args[0] as unknown as Node;
    const tag = node?.pdfTag;
    if (!tag) return original.apply(this, args);
    // The enclosing element is fixed the first time the node is laid out (pdfmake may lay the
    // document out again to move a heading over; the structure does not change).
    const enclosing = top();
    if (!isArtifact(tag) && !tag.parent && enclosing && !isArtifact(enclosing)) tag.parent = enclosing;
    stack.push(tag);
    try {
      return original.apply(this, args);
    } finally {
      stack.pop();
    }
  });

  wrap(LayoutBuilder.prototype, 'processTable', (original) => function (this: unknown, ...args) {
    const tableNode = args[0] as unknown as Node;
    const owner = top();
    if (owner && !isArtifact(owner)) {
      if (owner.role === 'Table') tagTableCells(tableNode, owner);
      else if (owner.role === 'TOC') tagTocRows(tableNode, owner);
    }
    return original.apply(this, args);
  });

  wrap(LayoutBuilder.prototype, 'processList', (original) => function (this: unknown, ...args) {
    const [ordered, node] = args as unknown as [boolean, Node];
    const owner = top();
    if (owner && !isArtifact(owner) && owner.role === 'L') tagListItems((ordered ? node.ol : node.ul) ?? [], owner, ordered);
    return original.apply(this, args);
  });

  const stamp = (name: string) =>
    wrap(ElementWriter.prototype, name, (original) => function (this: unknown, ...args) {
      const placed = args[0] as unknown as Placed;
      const current = top();
      // A list marker is placed with dontUpdateContextPosition while its item's first line is added.
      const label = name === 'addLine' && (args[1] as unknown) === true ? findLabel() : undefined;
      if (placed && !placed._pdfTag && (label ?? current)) placed._pdfTag = label ?? current;
      return original.apply(this, args);
    });
  stamp('addLine');
  stamp('addSVG');
  stamp('addImage');

  wrap(ElementWriter.prototype, 'addFragment', (original) => function (this: unknown, ...args) {
    const block = args[0] as unknown as { items: Array<{ type: string; item?: Placed }>; insertedOnPages?: unknown };
    // Only repeatables (table headers repeated on a new page) carry insertedOnPages.
    if (!block?.insertedOnPages) return original.apply(this, args);
    const items = block.items;
    block.items = items.map((i) => (i.item ? { type: i.type, item: { ...i.item, _pdfTag: REPEATED_HEADER } } : i));
    try {
      return original.apply(this, args);
    } finally {
      block.items = items;
    }
  });
}

/** The label tag of the list item being laid out, if the innermost tag is a list body. */
function findLabel(): PdfTag | undefined {
  const t = top();
  if (!t || isArtifact(t) || t.role !== 'LBody') return undefined;
  return t.parent && t.before?.[0]?.parent === t.parent ? t.before[0] : undefined;
}
