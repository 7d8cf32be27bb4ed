// Keeping a block whole without leaving a page half empty. A chart is laid out as one
// unbreakable block with its caption, summary and note (and a subheading before it); when it does
// not fit at the foot of a page, pdfmake moves it to the next page and leaves the rest of this one
// blank (45% of a page, in issue 14). Here pdfmake's page writer is watched, once wrapped in
// place: when a block marked `fitId` is about to move on and would leave more than a set share of
// the page empty, the watcher may stop the layout (throwing `Refit`) so the renderer can draw
// that chart a little lower (or let the headline tiles split between their rows) and lay the
// paper out again. Nothing else in the layout changes.
import { pdfmakeModule, wrapMethod, type Method } from './pdfmake-internals';

export interface BlockMove {
  /** The `fitId` of the outermost block being moved. */
  fitId: string;
  /** Height left on the page it leaves, and the block's height (points). */
  available: number;
  needed: number;
  /** Height of the page's body (inside the margins). */
  body: number;
}

/** Thrown by a watcher to restart the layout with a change: a chart's new height, or 'split' (let the block break). */
export class Refit extends Error {
  constructor(readonly fitId: string, readonly change: number | 'split') {
    super(`refit ${fitId}: ${change}`);
  }
}

interface FitNode { fitId?: string }
interface WriterContext {
  availableHeight: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } };
}

const open: string[] = [];
let watcher: ((move: BlockMove) => void) | null = null;
let installed = false;

function wrap(proto: Record<string, Method>, name: string, make: (original: Method) => Method): void {
  wrapMethod(proto, name, make, 'the paper cannot be fitted to its pages');
}

function install(): void {
  if (installed) return;
  const LayoutBuilder = pdfmakeModule('layoutBuilder');
  const PageElementWriter = pdfmakeModule('pageElementWriter');
  wrap(LayoutBuilder.prototype, 'processNode', (original) => function (this: unknown, ...args) {
    const id = (args[0] as unknown as FitNode | undefined)?.fitId;
    if (id === undefined) return original.apply(this, args);
    open.push(id);
    try {
      return original.apply(this, args);
    } finally {
      open.pop();
    }
  });
  // An unbreakable block is committed as one fragment; pdfmake moves to the next page when the
  // fragment is taller than the room left (ElementWriter.addFragment's own test).
  wrap(PageElementWriter.prototype, 'addFragment', (original) => function (this: unknown, ...args) {
    const [fragment, useBlockXOffset] = args as unknown as [{ height: number }, boolean];
    const ctx = (this as { writer: { context: WriterContext } }).writer.context;
    if (watcher && open.length && !useBlockXOffset && fragment.height > ctx.availableHeight) {
      const body = ctx.getCurrentPage().pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom;
      watcher({ fitId: open[0]!, available: ctx.availableHeight, needed: fragment.height, body });
    }
    return original.apply(this, args);
  });
  installed = true;
}

/** Runs `layout` with `watch` told of every marked block pdfmake moves to a new page. */
export function watchBlockMoves<T>(watch: (move: BlockMove) => void, layout: () => T): T {
  install();
  watcher = watch;
  open.length = 0;
  try {
    return layout();
  } finally {
    watcher = null;
    open.length = 0;
  }
}
