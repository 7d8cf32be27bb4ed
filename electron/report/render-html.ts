// The paper as one self-contained, accessible HTML file (GOV.UK guidance prefers HTML to PDF
// for published documents): lang="en-GB", a title, one h1 and nested section headings, tables
// with captions and scoped header cells, and charts as inline SVG named by their <title> and
// described by their <desc> (the automatic summary), each linked to its data table.
import { formatLongDate } from '../../shared/dates';
import { accessibleSvg, renderChartSvg } from './chart-svg';
import type { Block, PaperModel, TableBlock, Tile } from './model';

// Drawn at this width and scaled to the column by CSS: at the full 46rem column the 11-unit chart
// text (9 units) shows at about 16px, beside the 16px body text (at 560 it was about 12px, and
// 5px on a phone). Below 24rem a chart scrolls inside its own box rather than shrinking further.
const CHART_WIDTH = 420;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
.page { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; min-width: 0; }
a { color: #1d4f91; }
a:focus, [tabindex]:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.council { font-weight: bold; font-size: 1.1rem; margin: 0; }
.committee { margin: 0.2rem 0 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 1.2rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.6rem; border-top: 1px solid #b3b3b3; padding-top: 1rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
dl.cover { display: grid; grid-template-columns: minmax(0, 11rem) minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0 0 1.5rem; }
dl.cover dt { font-weight: bold; }
dl.cover dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) { dl.cover { grid-template-columns: minmax(0, 1fr); } dl.cover dd { margin-bottom: 0.5rem; } }
h1, h2, h3, p, li, dd, dt, figcaption { overflow-wrap: break-word; }
ul.tiles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(17rem, 100%), 1fr)); gap: 0.8rem; }
ul.tiles li { border: 1px solid #808080; padding: 0.8rem 1rem; }
ul.tiles h3 { margin: 0; font-size: 1rem; }
.tile-value { font-size: 2rem; font-weight: bold; margin: 0.1rem 0 0; }
.tile-caption, .tile-detail { margin: 0; font-size: 0.9rem; }
.tile-target { font-weight: bold; }
figure { margin: 1.2rem 0; }
.chart-box { overflow-x: auto; }
figure svg { width: 100%; min-width: 24rem; height: auto; display: block; }
figcaption { font-size: 0.95rem; }
.table-wrap { overflow-x: auto; margin: 1rem 0 0.4rem; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 60%; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
th, td { padding: 0.3rem 0.6rem 0.3rem 0; border-bottom: 1px solid #b3b3b3; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; text-align: left; }
tbody th { text-align: left; font-weight: normal; }
tfoot th { text-align: left; }
th.num, td.num { text-align: right; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #1a1a1a; }
.para-no { font-weight: bold; margin-right: 0.3rem; }
.note { font-size: 0.85rem; color: #4d4d4d; margin: 0.2rem 0 1rem; }
dl.defs dt { font-weight: bold; margin-top: 0.6rem; }
dl.defs dd { margin: 0; }
footer { margin-top: 3rem; font-size: 0.85rem; color: #4d4d4d; }
@media print { h2 { break-before: auto; } figure, table { break-inside: avoid; } }
`;

function tableHtml(t: TableBlock): string {
  const cls = (i: number) => (t.columns[i]?.align === 'right' ? ' class="num"' : '');
  const head = t.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.header)}</th>`).join('');
  const row = (cells: string[]) =>
    '<tr>' + cells.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(i)}>${escapeHtml(cell)}</td>`)).join('') + '</tr>';
  const body = t.rows.map(row).join('\n');
  const foot = t.totalRow ? `<tfoot>${row(t.totalRow)}</tfoot>` : '';
  const notes = t.footnotes.map((f) => `<p class="note">${escapeHtml(f)}</p>`).join('\n');
  return `<div class="table-wrap" id="${escapeHtml(t.id)}" role="region" aria-labelledby="${escapeHtml(t.id)}-caption" tabindex="0">
<table><caption id="${escapeHtml(t.id)}-caption">${escapeHtml(t.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>${foot}</table></div>
${notes}`;
}

function tileHtml(tile: Tile): string {
  return `<li><h3>${escapeHtml(tile.label)}</h3>
<p class="tile-value">${escapeHtml(tile.value)}</p>
<p class="tile-caption">${escapeHtml(tile.caption)}</p>
${tile.details.map((d) => `<p class="tile-detail${/Target (met|not met)/.test(d) ? ' tile-target' : ''}">${escapeHtml(d)}</p>`).join('\n')}
</li>`;
}

function numberHtml(number: string | undefined): string {
  return number ? `<span class="para-no">${escapeHtml(number)}</span> ` : '';
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${numberHtml(block.number)}${escapeHtml(block.text)}</p>`;
    case 'commentary':
      return block.paragraphs.map((p, i) => `<p>${numberHtml(block.numbers?.[i])}${escapeHtml(p)}</p>`).join('\n');
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'tiles':
      return `<ul class="tiles">\n${block.tiles.map(tileHtml).join('\n')}\n</ul>`;
    case 'chart': {
      const svg = accessibleSvg(renderChartSvg(block.spec, CHART_WIDTH), block.spec);
      return `<figure id="figure-${block.figure}">
<div class="chart-box">${svg}</div>
<figcaption><strong>Figure ${block.figure}: ${escapeHtml(block.spec.title)}.</strong> ${escapeHtml(block.spec.summary)}
<a href="#${escapeHtml(block.appendixId ?? `appendix-${block.spec.id}`)}">The figures are in table ${escapeHtml(block.appendixTable)}</a>.</figcaption>
</figure>`;
    }
    case 'table':
      return tableHtml(block.table);
    case 'definitions':
      return `<dl class="defs">${block.items.map((d) => `<dt>${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.definition)}</dd>`).join('')}</dl>`;
  }
}

export function renderHtml(model: PaperModel): string {
  const m = model.meta;
  const cover = model.cover.length
    ? `<dl class="cover">${model.cover.map((c) => `<dt>${escapeHtml(c.term)}</dt><dd>${escapeHtml(c.definition)}</dd>`).join('')}</dl>`
    : '';
  const nav = `<nav aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2><ol>${model.sections
    .map((s) => `<li><a href="#section-${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const sections = model.sections
    .map(
      (s) => `<section aria-labelledby="section-${s.id}">
<h2 id="section-${s.id}">${s.number}. ${escapeHtml(s.title)}</h2>
${s.blocks.map(blockHtml).join('\n')}
</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${m.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}: ${escapeHtml(m.councilName)}</title>
<meta name="author" content="${escapeHtml(m.author)}">
<meta name="description" content="${escapeHtml(m.subject)}">
<meta name="keywords" content="${escapeHtml(m.keywords)}">
<style>${CSS}</style>
</head>
<body>
<div class="page">
<header>
<p class="council">${escapeHtml(m.councilName)}</p>
<p class="committee">${escapeHtml(m.committee)}${m.meetingDate ? `, ${escapeHtml(m.meetingDate)}` : ''}</p>
<h1>${escapeHtml(m.title)}</h1>
${cover}
</header>
${nav}
<main>
${sections}
</main>
<footer><p>Produced with Scrutiny Pack on ${escapeHtml(formatLongDate(m.generatedOn))}. Figures as at ${escapeHtml(m.asAtLong)}.</p></footer>
</div>
</body>
</html>
`;
}
