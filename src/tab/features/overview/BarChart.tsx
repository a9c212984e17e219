/**
 * A horizontal bar chart for a handful of counts. The picture is one SVG with role="img" and an
 * aria-label that reads out every number; the same numbers sit in a visible table beside it, so
 * nothing depends on seeing the bars.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';

export interface BarDatum {
  readonly label: string;
  readonly count: number;
}

const BAR_HEIGHT = 18;
const GAP = 8;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'flex-start' },
  svg: { width: '100%', maxWidth: '280px', height: 'auto' },
  bar: { fill: tokens.colorBrandBackground },
  track: { fill: tokens.colorNeutralBackground3 },
  table: { width: 'auto', minWidth: '220px' },
  number: { textAlign: 'end' },
  caption: { fontWeight: tokens.fontWeightSemibold, width: '100%' },
});

export function BarChart(props: { title: string; data: readonly BarDatum[] }) {
  const styles = useStyles();
  const max = Math.max(1, ...props.data.map((datum) => datum.count));
  const height = props.data.length * (BAR_HEIGHT + GAP);
  const spoken = `${props.title}: ${props.data.map((datum) => `${datum.label} ${datum.count}`).join(', ')}`;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{props.title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 200 ${height}`} role="img" aria-label={spoken} focusable="false">
        {props.data.map((datum, index) => (
          <g key={datum.label} transform={`translate(0 ${index * (BAR_HEIGHT + GAP)})`}>
            <rect className={styles.track} width={200} height={BAR_HEIGHT} rx={3} />
            <rect className={styles.bar} width={(200 * datum.count) / max} height={BAR_HEIGHT} rx={3} />
          </g>
        ))}
      </svg>
      <Table className={styles.table} size="extra-small" aria-label={props.title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{props.title.startsWith('Risk') ? 'Flag' : 'State'}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Services</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.data.map((datum) => (
            <TableRow key={datum.label}>
              <TableCell>{datum.label}</TableCell>
              <TableCell className={styles.number}>{datum.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
