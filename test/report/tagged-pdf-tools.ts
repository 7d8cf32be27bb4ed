// The structure tree of a tagged PDF as poppler and qpdf read it (not as the code that wrote it).
import { execFileSync } from 'node:child_process';

export interface StructNode {
  role: string;
  depth: number;
  /** The text directly inside this element, in order. */
  text: string[];
  /** Attribute lines such as "/Scope /Row". */
  attributes: string[];
  children: StructNode[];
}

/** `pdfinfo -struct-text FILE` parsed by its two-space indentation. */
export function pdfStructTree(file: string): StructNode[] {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const roots: StructNode[] = [];
  const open: StructNode[] = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const body = line.trim();
    while (open.length && open[open.length - 1]!.depth >= depth) open.pop();
    const parent = open[open.length - 1];
    if (body.startsWith('"')) {
      parent?.text.push(body.slice(1, -1)); // poppler quotes the text as it is, without escaping
    } else if (body.startsWith('/')) {
      parent?.attributes.push(body);
    } else {
      const node: StructNode = { role: /^(\w+)/.exec(body)![1]!, depth, text: [], attributes: [], children: [] };
      (parent ? parent.children : roots).push(node);
      open.push(node);
    }
  }
  return roots;
}

export function walk(nodes: StructNode[], visit: (n: StructNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

export function allText(node: StructNode): string {
  return node.text.join('') + node.children.map(allText).join('');
}

/** The /Alt of every /Figure structure element, from qpdf's JSON of the file's objects. */
export function figureAlts(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=1', '--json-key=objects', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    objects?: Record<string, unknown>;
    qpdf?: [unknown, Record<string, { value?: unknown }>];
  };
  const objects = json.qpdf ? Object.values(json.qpdf[1]).map((o) => o.value) : Object.values(json.objects ?? {});
  const alts: string[] = [];
  for (const o of objects) {
    const d = o as Record<string, unknown> | null;
    if (d && typeof d === 'object' && d['/S'] === '/Figure') alts.push(String(d['/Alt'] ?? '').replace(/^u:/, ''));
  }
  return alts;
}
