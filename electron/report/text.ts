// Number wording for the paper, on top of the shared presentation helpers (shared/format.ts) so
// a figure reads the same in the paper, on screen and on the command line.
import { describeChange, formatAverage, formatCount, formatMoney, formatRate, type ChangeKind } from '../../shared/format';

export function count(n: number): string {
  return formatCount(n);
}

/** An average or FTE to one decimal place; "not applicable" for null. */
export function one(n: number | null): string {
  return formatAverage(n);
}

export function pct(n: number | null): string {
  return formatRate(n);
}

export function money(n: number): string {
  return formatMoney(n);
}

/** "Up 5.2 on a year ago (12.3)": the change, then the year-ago figure. */
export function changeLine(now: number | null, before: number | null, kind: ChangeKind, beforeText: string): string {
  const words = describeChange(now, before, kind);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${beforeText})`;
}

/**
 * The longest paragraph laid out as one. pdfmake copies the rest of a paragraph's words for each
 * word it places on a line (layoutBuilder.js, buildNextLine: `_inlines.slice(1)`), so a paragraph's
 * layout time grows with the square of its length: 160,000 characters in one paragraph took 28 s,
 * in paragraphs of 1,000 characters 3 s. Longer paragraphs are split at a sentence's end, so every
 * format shows the same paragraphs and the time grows in proportion to the text.
 */
export const MAX_PARAGRAPH = 3_000;

/** Splits commentary into paragraphs at blank lines, and any longer than MAX_PARAGRAPH at sentence ends. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .flatMap((p) => splitLongParagraph(p));
}

const SENTENCE_END = /[.!?\u2026]["'\u2019\u201d)\]]*\s+/g;

/** One paragraph as pieces of at most `max` characters: at the last sentence end, else the last space, else at `max`. */
export function splitLongParagraph(paragraph: string, max = MAX_PARAGRAPH): string[] {
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = 0;
    for (const m of window.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
    if (cut < max / 3) cut = window.lastIndexOf(' ') + 1;
    if (cut < max / 3) cut = /[\ud800-\udbff]/.test(rest[max - 1] ?? '') ? max - 1 : max; // never halve a surrogate pair
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
