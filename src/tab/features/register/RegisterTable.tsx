/**
 * The register as a table: one row per service with its review status and risk flags. The service
 * name opens the entry; each column heading sorts (aria-sort says which way). On a narrow screen
 * (a phone, or Teams' side panel) the category and provision columns give way so the status and
 * flags stay visible.
 *
 * Long registers (more than VIRTUALISE_FROM rows) are windowed: only the rows near the visible part
 * are in the page; aria-rowcount / aria-rowindex tell a screen reader where it is in the whole.
 */
import { useRef } from 'react';
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CATEGORIES, PROVISIONS, labelOf } from '@domain';
import { LifecycleBadge, ReviewStatusBadge, RiskFlagBadges } from './badges';
import type { RegisterRow } from '../../state/registerData';
import type { RegisterSort, SortColumn } from '../../state/registerFilters';
import { useRowWindow } from './useRowWindow';
import { useAudit } from '../../state/auditData';
import { IncidentRowBadge, useIncidentSlots } from '../../components/incidentSlots';
import { SharedRowBadge } from './shared/SharedRowBadge';

export const VIRTUALISE_FROM = 100;

const NARROW = '@media (max-width: 640px)';
/** A phone or Teams' side panel: the owner moves under the service name. */
const PHONE = '@media (max-width: 480px)';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  // No scroll anchoring: when a spacer above the view changes height the browser would move
  // scrollTop to keep the rows still, which moves the window again, and the table would jitter.
  windowed: { maxHeight: '70vh', overflowY: 'auto', overflowAnchor: 'none' },
  table: { minWidth: '300px' },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  wide: { [NARROW]: { display: 'none' } },
  ownerColumn: { [PHONE]: { display: 'none' } },
  ownerInline: { display: 'none', [PHONE]: { display: 'block' } },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  owner: { color: tokens.colorNeutralForeground2 },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
  spacer: { border: 'none', padding: 0 },
  declare: { display: 'block', marginTop: tokens.spacingVerticalXXS },
});

const COLUMNS: ReadonlyArray<{ column: SortColumn; label: string; className?: 'wide' | 'ownerColumn' }> = [
  { column: 'title', label: 'Service' },
  { column: 'category', label: 'Category', className: 'wide' },
  { column: 'provision', label: 'Provision', className: 'wide' },
  { column: 'owner', label: 'Owner', className: 'ownerColumn' },
  { column: 'status', label: 'Review' },
  { column: 'flags', label: 'Risk flags' },
];

export interface RegisterTableProps {
  readonly rows: readonly RegisterRow[];
  readonly sort: RegisterSort;
  readonly onSort: (column: SortColumn) => void;
  readonly onOpen: (row: RegisterRow) => void;
  /** Row count above which rows are windowed; defaults to VIRTUALISE_FROM (the benchmark's naive baseline passes Infinity). */
  readonly virtualiseFrom?: number;
}

export function RegisterTable(props: RegisterTableProps) {
  const styles = useStyles();
  const { flagged } = useAudit();
  const { DeclareIncidentButton } = useIncidentSlots();
  const scroller = useRef<HTMLDivElement | null>(null);
  const windowed = props.rows.length > (props.virtualiseFrom ?? VIRTUALISE_FROM);
  const { window, bodyRef } = useRowWindow(scroller, props.rows.length, windowed);
  const shown = props.rows.slice(window.start, window.end);

  return (
    <div ref={scroller} className={mergeClasses(styles.scroller, windowed && styles.windowed)}>
      <Table
        className={styles.table}
        aria-label="Digital services"
        size="small"
        sortable
        aria-rowcount={windowed ? props.rows.length + 1 : undefined}
      >
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={windowed ? 1 : undefined}>
            {COLUMNS.map(({ column, label, className }) => (
              <TableHeaderCell
                key={column}
                className={className ? styles[className] : undefined}
                sortDirection={props.sort.column === column ? props.sort.direction : undefined}
                onClick={() => props.onSort(column)}
              >
                {label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody ref={bodyRef}>
          {window.before > 0 ? <tr aria-hidden="true" data-spacer="" className={styles.spacer} style={{ height: window.before }} /> : null}
          {shown.map((row, offset) => {
            const { entry } = row.stored;
            const owner = entry.owner ? entry.owner.displayName || entry.owner.upn : 'No owner';
            return (
              <TableRow key={row.stored.id} aria-rowindex={windowed ? window.start + offset + 2 : undefined}>
                <TableCell className={styles.cell}>
                  <Link as="button" className={styles.name} onClick={() => props.onOpen(row)}>
                    {entry.title || '(no name)'}
                  </Link>{' '}
                  <LifecycleBadge lifecycle={entry.lifecycle} /> <SharedRowBadge row={row} />
                  <Text size={200} className={mergeClasses(styles.owner, styles.ownerInline)}>
                    Owner: {owner}
                  </Text>
                  <IncidentRowBadge entryId={row.stored.id} />
                  {DeclareIncidentButton && entry.lifecycle !== 'retired' ? (
                    <span className={styles.declare}>
                      <DeclareIncidentButton entryId={row.stored.id} />
                    </span>
                  ) : null}
                  {flagged.has(row.stored.id) ? (
                    <Text size={200} block weight="semibold">
                      Changed by a non-manager: review in History
                    </Text>
                  ) : null}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.wide)}>{labelOf(CATEGORIES, entry.category)}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.wide)}>{labelOf(PROVISIONS, entry.provision)}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.ownerColumn)}>
                  <Text className={styles.owner}>{owner}</Text>
                </TableCell>
                <TableCell className={styles.cell}>
                  <ReviewStatusBadge status={row.status} />
                </TableCell>
                <TableCell className={styles.cell}>
                  <RiskFlagBadges flags={row.flags} ownerLeft={row.ownerLeft} wrap={!windowed} />
                </TableCell>
              </TableRow>
            );
          })}
          {window.after > 0 ? <tr aria-hidden="true" data-spacer="" className={styles.spacer} style={{ height: window.after }} /> : null}
        </TableBody>
      </Table>
    </div>
  );
}
