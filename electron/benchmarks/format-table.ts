// Plain-text tables for the command line: the comparison and the reconciliation, readable in a
// terminal or pasted into an email.
import {
  formatNumber,
  formatPublished,
  type BenchmarkComparison,
  type Reconciliation,
} from '../../shared/benchmarks';

export function textTable(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= rightFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatComparison(c: BenchmarkComparison): string {
  const region = c.council.region?.name ?? 'Region';
  const rows = c.measures.map((m) => [
    m.label,
    formatPublished(m.council, m.unit),
    formatPublished(m.england, m.unit),
    formatPublished(m.region, m.unit),
    m.neighbours.mean === null ? 'none published' : `${formatNumber(m.neighbours.mean, m.unit)} (${m.neighbours.withValue} of ${m.neighbours.total})`,
    m.rank.position === null ? 'not ranked' : `${m.rank.position} of ${m.rank.of}`,
  ]);
  const out = [
    `${c.council.name} (DfE ${c.council.publishedAs ?? c.council.code}), ${region}`,
    `Source: ${c.source}`,
    '',
    textTable(['Measure', c.council.name, 'England', region, 'Neighbours mean (n)', 'Rank'], rows),
    '',
    'Rank is among the council and its neighbours with a published figure: 1 = lowest for rates and caseload, 1 = largest for FTE; ties share the better place.',
  ];
  if (c.neighbours.length) {
    out.push(`Statistical neighbours (${c.neighboursSource ?? 'DfE'}): ${c.neighbours.map((n) => `${n.position}. ${n.name} (${n.code})`).join(', ')}.`);
  }
  for (const n of c.notes) out.push(`Note: ${n}`);
  out.push('Symbols: c suppressed, x unavailable, z not applicable, u low reliability, low rounds to zero.');
  return out.join('\n');
}

export function formatReconciliation(r: Reconciliation): string {
  const out = [`Reconciliation for ${r.council.name}: your data against the DfE's published figures (30 September)`];
  out.push(r.ownDataCoverage ? `Your data covers ${r.ownDataCoverage.from} to ${r.ownDataCoverage.to}.` : 'No workforce data has been imported.');
  for (const y of r.years) {
    out.push('', `${y.source}: ${y.flaggedCount ? `${y.flaggedCount} difference${y.flaggedCount > 1 ? 's' : ''} over 1 point` : 'no difference over 1 point'}`);
    out.push(
      textTable(
        ['Measure', 'Your data', 'Published', 'Difference', 'Check'],
        y.lines.map((l) => {
          const dp = l.measure === 'cases' || l.measure === 'inPostHeadcount' ? 0 : 1;
          return [
            l.label,
            l.ours === null ? 'n/a' : l.ours.toFixed(dp),
            l.published.value !== null ? l.published.value.toFixed(dp) : (l.published.symbol ?? 'n/a'),
            l.difference === null ? '' : (l.difference > 0 ? '+' : '') + l.difference.toFixed(dp),
            l.flagged ? `CHECK (over 1 ${l.toleranceUnit})` : '',
          ];
        }),
      ),
    );
  }
  if (r.skipped.length) out.push('', `Not reconciled: ${r.skipped.map((s) => `${s.year} (${s.reason})`).join('; ')}.`);
  out.push('', 'One point is 1 percentage point for rates, 1 case per FTE for caseload, 1 FTE for FTE figures, 1 person or 1 case for counts.');
  return out.join('\n');
}
