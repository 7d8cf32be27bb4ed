// Colours for charts: from the Okabe-Ito colour-blind-safe palette, limited to those with at
// least 3:1 contrast against white (WCAG 2.2 non-text contrast). Colour never carries meaning on
// its own: every series also has its own dash pattern and marker and is labelled directly.

export const CHART_FONT_FAMILY = 'DejaVu Sans';

export const SERIES_STYLES = [
  { colour: '#0072B2', dash: undefined, marker: 'circle' },
  { colour: '#D55E00', dash: '6 3', marker: 'square' },
  { colour: '#007A5A', dash: '2 3', marker: 'triangle' },
  { colour: '#000000', dash: '8 3 2 3', marker: 'diamond' },
] as const;

export type SeriesStyle = (typeof SERIES_STYLES)[number];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

export const INK = '#1a1a1a';
export const MUTED_INK = '#4d4d4d';
export const GRID = '#d9d9d9';
export const REFERENCE = '#4d4d4d';
export const BAR_FILL = '#0072B2';
export const BAR_FILL_OVER = '#D55E00';
