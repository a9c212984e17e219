/**
 * A horizontal bar chart for a handful of counts, drawn as a table: each row has the label, the
 * number and its bar, so bar and label always line up and a screen reader reads the numbers as an
 * ordinary table (the bars are decorative and hidden from it).
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';

export interface BarDatum {
  readonly label: string;
  readonly count: number;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: '260px', flexGrow: 1, maxWidth: '520px' },
  caption: { fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'end', width: '4.5em' },
  barCell: { width: '45%' },
  track: {
    display: 'block',
    height: '14px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    // In forced colours (Windows high contrast) backgrounds vanish: outline the track and fill the bar.
    '@media (forced-colors: active)': { outline: '1px solid CanvasText' },
  },
  bar: {
    display: 'block',
    height: '100%',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground,
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', forcedColorAdjust: 'none' },
  },
});

export function BarChart(props: { title: string; data: readonly BarDatum[] }) {
  const styles = useStyles();
  const max = Math.max(1, ...props.data.map((datum) => datum.count));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{props.title}</figcaption>
      <Table size="extra-small" aria-label={props.title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{props.title.startsWith('Risk') ? 'Flag' : 'State'}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Services</TableHeaderCell>
            <TableHeaderCell className={styles.barCell} aria-hidden="true" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.data.map((datum) => (
            <TableRow key={datum.label}>
              <TableCell>{datum.label}</TableCell>
              <TableCell className={styles.number}>{datum.count}</TableCell>
              <TableCell className={styles.barCell} aria-hidden="true">
                <span className={styles.track}>
                  <span className={styles.bar} style={{ width: `${(100 * datum.count) / max}%` }} />
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
