/**
 * The practice's incident log: every incident with its start, restore, duration, cause, supplier
 * reference, actions and who declared it; sortable by any column (newest first to begin with).
 */
import { useMemo, useState } from 'react';
import {
  Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useIncidentSlots } from '../../components/incidentSlots';
import { LoadingState } from '../../components/StatusViews';
import { PracticeListMissing } from '../../components/PracticeListsNotice';
import { INCIDENTS_LIST } from '@domain/incidents';
import { durationText, londonDateTime, sortIncidents, type LogColumn, type LogSort } from './incidentViews';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroller: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, whiteSpace: 'pre-wrap' },
  empty: {
    padding: tokens.spacingVerticalXL, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
});

const COLUMNS: ReadonlyArray<{ column: LogColumn; label: string }> = [
  { column: 'service', label: 'Service' },
  { column: 'started', label: 'Started' },
  { column: 'restored', label: 'Restored' },
  { column: 'duration', label: 'Duration' },
  { column: 'cause', label: 'Cause' },
  { column: 'reference', label: 'Supplier reference' },
  { column: 'by', label: 'Declared by' },
];

export function IncidentLogPage() {
  const styles = useStyles();
  const { incidents, openIncident, listState } = useIncidentSlots();
  const [sort, setSort] = useState<LogSort>({ column: 'started', direction: 'descending' });
  const sorted = useMemo(() => sortIncidents(incidents, sort), [incidents, sort]);
  const sortBy = (column: LogColumn) =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        Incident log
      </Text>
      <Text>
        Every incident declared in the practice: when it started and was restored, how long it lasted, the cause, the supplier&apos;s
        reference, what was done and who declared it. Select a service to open the incident.
      </Text>
      {listState === 'off' || listState === 'loading' ? <LoadingState label="Loading the incidents…" /> : null}
      {listState === 'missing' ? <PracticeListMissing feature="The incident log" listName={INCIDENTS_LIST.name} /> : null}
      {listState === 'failed' ? <Text role="alert">The incidents could not be loaded. Reload the page to try again.</Text> : null}
      {listState === 'ready' && sorted.length === 0 ? <Text className={styles.empty}>No incidents recorded yet.</Text> : null}
      {sorted.length > 0 ? (
        <div className={styles.scroller}>
          <Table aria-label="Incident log" size="small" sortable>
            <TableHeader>
              <TableRow>
                {COLUMNS.map(({ column, label }) => (
                  <TableHeaderCell key={column} sortDirection={sort.column === column ? sort.direction : undefined} onClick={() => sortBy(column)}>
                    {label}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell>Actions taken</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((incident) => (
                <TableRow key={incident.key}>
                  <TableCell className={styles.cell}>
                    {openIncident ? (
                      <Link as="button" onClick={() => openIncident(incident.key)}>
                        {incident.serviceTitle}
                      </Link>
                    ) : (
                      incident.serviceTitle
                    )}{' '}
                    <Text size={200}>({incident.impact === 'down' ? 'down' : 'degraded'})</Text>
                  </TableCell>
                  <TableCell className={styles.cell}>{londonDateTime(incident.startedAt)}</TableCell>
                  <TableCell className={styles.cell}>{incident.restoredAt ? londonDateTime(incident.restoredAt) : 'Still open'}</TableCell>
                  <TableCell className={styles.cell}>{durationText(incident)}</TableCell>
                  <TableCell className={styles.cell}>{incident.cause || '—'}</TableCell>
                  <TableCell className={styles.cell}>{incident.supplierReference || '—'}</TableCell>
                  <TableCell className={styles.cell}>{incident.declaredBy.displayName}</TableCell>
                  <TableCell className={styles.cell}>{incident.actions || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </main>
  );
}
