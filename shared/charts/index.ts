export { Chart, chartHeight, TREND_CHART_HEIGHT, type ChartProps } from './Chart';
export { TrendChart, type TrendChartProps } from './TrendChart';
export { BarChart, barChartHeight, type BarChartProps } from './BarChart';
export { chartTable, formatChartValue, type ChartSpec, type LineChartSpec, type BarChartSpec, type SeriesSpec, type CountColumnSpec, type ChartTable } from './spec';
export { CHART_FONT_FAMILY, SERIES_STYLES, seriesStyle } from './palette';
