/**
 * The "Charts" tab: coverage of each of the ten questions across the practices (stacked bars:
 * answered, partly answered, gaps) and overdue reviews at each of the last twelve month ends (from
 * entry versions, read when this tab opens). Each chart is a figure named by its caption, with
 * "Show as table" for the same numbers as a table. Colours are Fluent tokens, so the light, dark
 * and high-contrast themes each get their own, and the numbers are always in words too.
 */
import { Suspense, lazy, useMemo, useState, type ReactNode } from 'react';
import {
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChartProps, VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { formatLocalDate, type LocalDate } from '@domain';
import { questionCoverage, type PracticeLoad } from '@domain/network';
import type { NetworkLoadOptions } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { CHART_MONTHS, useOverdueHistory } from './useOverdueHistory';
import { MAX_VERSION_READS } from './overdueHistory';
import { useReadRowStyles } from './readRowStyles';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '900px' },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  note: { color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'end' },
});

// The charting library comes with the first chart drawn (its own chunk), not with the view.
const CoverageBars = lazy(() => import('./ChartDrawings').then((module) => ({ default: module.CoverageBars })));
const MonthBars = lazy(() => import('./ChartDrawings').then((module) => ({ default: module.MonthBars })));

const OUTCOME_COLOURS = {
  answered: tokens.colorPaletteGreenBackground3,
  partial: tokens.colorPaletteMarigoldBackground3,
  gaps: tokens.colorPaletteRedBackground3,
};

export function NetworkCharts(props: { loads: readonly PracticeLoad[]; today: LocalDate; options: NetworkLoadOptions }) {
  return (
    <>
      <CoverageChart loads={props.loads} today={props.today} />
      <OverdueChart loads={props.loads} today={props.today} options={props.options} />
    </>
  );
}

/** A chart with its caption as its accessible name and a "Show as table" toggle for the same numbers. */
function ChartFigure(props: { id: string; caption: string; chart: ReactNode; table: ReactNode; notes?: ReactNode }) {
  const styles = useStyles();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className={styles.figure} aria-labelledby={`${props.id}-caption`}>
      <figcaption className={styles.caption} id={`${props.id}-caption`}>
        {props.caption}
      </figcaption>
      <div>
        <ToggleButton size="small" checked={asTable} onClick={() => setAsTable((now) => !now)}>
          Show as table
        </ToggleButton>
      </div>
      {asTable ? props.table : <Suspense fallback={<Text>Drawing the chart…</Text>}>{props.chart}</Suspense>}
      {props.notes}
    </figure>
  );
}

function CoverageChart(props: { loads: readonly PracticeLoad[]; today: LocalDate }) {
  const readRow = useReadRowStyles();
  const styles = useStyles();
  const coverage = useMemo(() => questionCoverage(props.loads, props.today), [props.loads, props.today]);
  const counted = props.loads.filter((load) => load.state === 'loaded').length;
  const data: ChartProps[] = coverage.map((item, index) => ({
    chartTitle: `${index + 1}. ${item.question}`,
    chartData: [
      { legend: 'Answered', horizontalBarChartdata: { x: item.answered, total: counted }, color: OUTCOME_COLOURS.answered },
      { legend: 'Partly answered', horizontalBarChartdata: { x: item.partial, total: counted }, color: OUTCOME_COLOURS.partial },
      { legend: 'Gaps', horizontalBarChartdata: { x: item.gaps, total: counted }, color: OUTCOME_COLOURS.gaps },
    ],
  }));
  const notKnown = coverage[0]?.notKnown ?? 0;
  return (
    <ChartFigure
      id="coverage"
      caption={`The ten questions across ${counted} ${counted === 1 ? 'practice' : 'practices'}: answered, partly answered, gaps`}
      chart={<CoverageBars data={data} />}
      table={
        <Table size="small" aria-label="The ten questions across the practices">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Question</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Answered</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Partly answered</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Gaps</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {coverage.map((item, index) => (
              <TableRow className={readRow.row} key={item.questionId}>
                <TableCell>{`${index + 1}. ${item.question}`}</TableCell>
                <TableCell className={styles.number}>{item.answered}</TableCell>
                <TableCell className={styles.number}>{item.partial}</TableCell>
                <TableCell className={styles.number}>{item.gaps}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
      notes={
        notKnown > 0 ? (
          <Text className={styles.note}>
            {notKnown} {notKnown === 1 ? 'practice is' : 'practices are'} not counted: not opted in, or could not be read.
          </Text>
        ) : null
      }
    />
  );
}

function monthLabel(month: LocalDate): string {
  return formatLocalDate(month);
}

function OverdueChart(props: { loads: readonly PracticeLoad[]; today: LocalDate; options: NetworkLoadOptions }) {
  const readRow = useReadRowStyles();
  const styles = useStyles();
  const client = useGraphClient();
  const history = useOverdueHistory(client, props.loads, props.today, props.options.cache);
  const caption = `Overdue reviews across the network at each of the last ${CHART_MONTHS} month ends`;
  if (history.kind === 'reading') {
    return (
      <figure className={styles.figure} aria-labelledby="overdue-caption">
        <figcaption className={styles.caption} id="overdue-caption">
          {caption}
        </figcaption>
        <ProgressBar aria-label="Reading the history of changed services" value={history.total ? history.done / history.total : undefined} max={1} />
        <Text role="status">
          Reading the history of services changed this year: {history.done} of {history.total}
        </Text>
      </figure>
    );
  }
  const data: VerticalBarChartDataPoint[] = history.points.map((point) => ({
    x: monthLabel(point.month).replace(/^\d+ /, ''),
    y: point.overdue,
    legend: 'Overdue reviews',
    color: tokens.colorPaletteRedBackground3,
    xAxisCalloutData: monthLabel(point.month),
    yAxisCalloutData: `${point.overdue} overdue`,
  }));
  return (
    <ChartFigure
      id="overdue"
      caption={caption}
      chart={<MonthBars data={data} title={caption} color={tokens.colorPaletteRedBackground3} />}
      table={
        <Table size="small" aria-label="Overdue reviews at each month end">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Month end</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Overdue reviews</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.points.map((point) => (
              <TableRow className={readRow.row} key={point.month}>
                <TableCell>{monthLabel(point.month)}</TableCell>
                <TableCell className={styles.number}>{point.overdue}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
      notes={
        <Text className={styles.note}>
          From each service&apos;s saved versions: the versions of the {history.read} services changed in the last {CHART_MONTHS} months were read; the
          others have not changed since, so their fields today held at every month end. Services deleted during the year are not counted.
          {history.approximate > 0
            ? ` ${history.approximate} changed ${history.approximate === 1 ? 'service is' : 'services are'} judged on ${history.approximate === 1 ? 'its' : 'their'} fields today (at most ${MAX_VERSION_READS} histories are read, and any that could not be read are counted this way).`
            : ''}
        </Text>
      }
    />
  );
}
