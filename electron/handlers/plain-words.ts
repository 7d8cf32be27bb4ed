// Messages the data modules write for the command line ("--source asye", "canonical template",
// role codes) turned into the app's words at the handler door, so the importer, the benchmarks
// and the CLI keep one wording each and no screen shows an internal code (issue 13).
import type { BenchmarkSummaryResult, DetectResult, ImportProgressInfo, ImportSummary, RowProblem } from '../../shared/api';
import { inPlainWords } from '../../shared/labels';

/** The reason in the app's words; the column stays the key the screens match on and label themselves (columnWords). */
export function plainProblem(p: RowProblem): RowProblem {
  return { ...p, reason: inPlainWords(p.reason) };
}

export function plainSummary(s: ImportSummary): ImportSummary {
  return { ...s, message: inPlainWords(s.message), problems: s.problems.map(plainProblem), assumptions: s.assumptions.map(inPlainWords) };
}

export function plainProgress(p: ImportProgressInfo): ImportProgressInfo {
  return { ...p, result: p.result ? plainSummary(p.result) : null, error: p.error === null ? null : inPlainWords(p.error) };
}

export function plainDetect(d: DetectResult): DetectResult {
  const fields = Object.fromEntries(Object.entries(d.fields).map(([source, list]) => [source, list.map((f) => ({ ...f, label: inPlainWords(f.label) }))]));
  return { ...d, description: inPlainWords(d.description), fields };
}

export function plainBenchmarks(b: BenchmarkSummaryResult): BenchmarkSummaryResult {
  return { ...b, message: inPlainWords(b.message) };
}
