/**
 * "Practices side by side": one row per practice on the roster with the ten questions (answered,
 * partly answered, gaps), overdue reviews, risk flags, open incidents and the last register change.
 * Each heading sorts (a button inside the heading, aria-sort on it); "Filter by flag" keeps the
 * practices with that gap. A practice that could not be read says why, with its own Retry; one that
 * has not opted in says so. Neither is ever shown as an empty register.
 */
import { useMemo, useState } from 'react';
import {
  Button,
  Field,
  Link,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { RISK_FLAGS, labelOf, londonDateOf, formatLocalDate, type LocalDate, type RiskFlag } from '@domain';
import {
  UNAVAILABLE_REASONS,
  filterByFlag,
  sideBySide,
  sortSideBySide,
  type PracticeLoad,
  type PracticeSummary,
  type SideBySideRow,
  type SideBySideSort,
  type SortDirection,
} from '@domain/network';
import type { DrillTarget } from './EntryDrillDown';
import { useReadRowStyles } from './readRowStyles';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  scroller: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  why: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
});

const COLUMNS: ReadonlyArray<{ readonly by: SideBySideSort; readonly label: string }> = [
  { by: 'name', label: 'Practice' },
  { by: 'gaps', label: 'Ten questions' },
  { by: 'overdue', label: 'Overdue reviews' },
  { by: 'flags', label: 'Risk flags' },
  { by: 'incidents', label: 'Open incidents' },
  { by: 'lastChanged', label: 'Last register change' },
];

const ALL_FLAGS = '';

export interface SideBySideTableProps {
  readonly loads: readonly PracticeLoad[];
  readonly today: LocalDate;
  readonly retrying: ReadonlySet<string>;
  readonly onRetry: (practiceKey: string) => void;
  readonly onOpen: (target: DrillTarget) => void;
}

export function SideBySideTable(props: SideBySideTableProps) {
  const styles = useStyles();
  const [sort, setSort] = useState<{ by: SideBySideSort; direction: SortDirection }>({ by: 'name', direction: 'ascending' });
  const [flag, setFlag] = useState<RiskFlag | null>(null);
  const all = useMemo(() => sideBySide(props.loads, props.today), [props.loads, props.today]);
  const shown = useMemo(() => sortSideBySide(filterByFlag(all, flag), sort.by, sort.direction), [all, flag, sort]);

  const sortBy = (by: SideBySideSort) =>
    setSort((now) => ({ by, direction: now.by === by && now.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <>
      <div className={styles.bar}>
        <Field label="Filter by flag">
          <Select value={flag ?? ALL_FLAGS} onChange={(_event, data) => setFlag(data.value === ALL_FLAGS ? null : (data.value as RiskFlag))}>
            <option value={ALL_FLAGS}>All practices</option>
            {RISK_FLAGS.map((item) => (
              <option key={item.code} value={item.code}>
                {item.label}
              </option>
            ))}
          </Select>
        </Field>
        <Text role="status">
          Showing {shown.length} of {all.length} {all.length === 1 ? 'practice' : 'practices'}
          {flag ? ` with "${labelOf(RISK_FLAGS, flag)}" (and any not known)` : ''}
        </Text>
      </div>
      <div className={styles.scroller}>
        <Table className={styles.table} aria-label="Practices side by side" size="small" sortable>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHeaderCell
                  key={column.by}
                  sortDirection={sort.by === column.by ? sort.direction : undefined}
                  onClick={() => sortBy(column.by)}
                >
                  {column.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <SideBySideRowView key={row.practice.key} row={row} flag={flag} {...props} />
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function SideBySideRowView(props: SideBySideTableProps & { row: SideBySideRow; flag: RiskFlag | null }) {
  const readRow = useReadRowStyles();
  const styles = useStyles();
  const { row } = props;
  const name = row.practice.name || row.practice.siteUrl;
  if (row.kind === 'summary') {
    return (
      <TableRow className={readRow.row}>
        <TableCell className={styles.cell}>
          <Link as="button" className={styles.name} onClick={() => props.onOpen({ practiceKey: row.practice.key, entryId: null })}>
            {name}
          </Link>
          <Text block size={200} className={styles.muted}>
            {row.summary.entryCount} {row.summary.entryCount === 1 ? 'service' : 'services'}
          </Text>
        </TableCell>
        <TableCell className={styles.cell}>{questionsText(row.summary)}</TableCell>
        <TableCell className={styles.cell}>{row.summary.overdueReviews}</TableCell>
        <TableCell className={styles.cell}>
          <FlagCounts summary={row.summary} />
        </TableCell>
        <TableCell className={styles.cell}>{row.summary.openIncidents === null ? 'Not known' : row.summary.openIncidents}</TableCell>
        <TableCell className={styles.cell}>{lastChangeText(row.summary.lastChangedAt)}</TableCell>
      </TableRow>
    );
  }
  return (
    <TableRow className={readRow.row}>
      <TableCell className={styles.cell}>
        <Text weight="semibold">{name}</Text>
      </TableCell>
      <TableCell className={styles.cell} colSpan={5}>
        {row.kind === 'not-opted-in' ? (
          <Text>Not opted in. The practice has not opted in to this network from its own tab (or has withdrawn), so nothing of its register is read.</Text>
        ) : (
          <div className={styles.why}>
            <Text>
              Unavailable: {UNAVAILABLE_REASONS[row.reason]}
              {row.detail ? <span className={styles.muted}> ({row.detail})</span> : null}
            </Text>
            <Button size="small" disabled={props.retrying.has(row.practice.key)} onClick={() => props.onRetry(row.practice.key)}>
              {`Retry ${name}`}
            </Button>
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}

export function questionsText(summary: PracticeSummary): string {
  const { answered, partial, gaps } = summary.questions;
  return `${answered} answered, ${partial} partly, ${gaps} ${gaps === 1 ? 'gap' : 'gaps'}`;
}

function FlagCounts(props: { summary: PracticeSummary }) {
  const styles = useStyles();
  const raised = RISK_FLAGS.filter((item) => (props.summary.flagCounts[item.code] ?? 0) > 0);
  if (raised.length === 0) return <span>None</span>;
  return (
    <ul className={styles.list}>
      {raised.map((item) => (
        <li key={item.code}>
          {item.label}: {props.summary.flagCounts[item.code]}
        </li>
      ))}
    </ul>
  );
}

function lastChangeText(instant: string | null): string {
  if (instant === null) return 'No entries yet';
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? 'Not known' : formatLocalDate(londonDateOf(new Date(ms)));
}
