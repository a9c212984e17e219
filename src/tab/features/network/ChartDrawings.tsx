/**
 * The drawn charts (@fluentui/react-charts, on d3). Loaded only when the Charts tab first shows
 * (NetworkCharts imports this module on demand), so neither the view's first paint nor any other
 * view downloads the charting library. The numbers are also in a table next to each (NetworkCharts).
 */
import { HorizontalBarChart, VerticalBarChart, type ChartProps, type VerticalBarChartDataPoint } from '@fluentui/react-charts';

/** Stacked horizontal bars, one per question: answered, partly answered, gaps. */
export function CoverageBars(props: { data: ChartProps[] }) {
  return <HorizontalBarChart data={props.data} hideRatio={props.data.map(() => true)} chartDataMode="fraction" showLegendForSinglePointBar />;
}

/** One bar per month end. */
export function MonthBars(props: { data: VerticalBarChartDataPoint[]; title: string; color: string }) {
  return <VerticalBarChart data={props.data} chartTitle={props.title} height={280} hideLegend useSingleColor colors={[props.color]} />;
}
