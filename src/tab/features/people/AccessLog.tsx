/**
 * The access log: every checklist, open ones first (those past their date at the top), then the
 * completed ones, newest first. A person's name opens their page; "Open" opens the checklist.
 */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CHECKLIST_KINDS, accessLog, checklistProgress, type StoredChecklist } from '@domain/access';
import { formatLocalDate, labelOf, londonDateOf, type LocalDate, type PersonRef } from '@domain';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function AccessLog(props: { checklists: readonly StoredChecklist[]; today: LocalDate; onOpen: (id: string) => void; onPerson: (person: PersonRef) => void; label?: string }) {
  const styles = useStyles();
  const byKey = new Map(props.checklists.map((stored) => [stored.checklist.key, stored]));
  const rows = accessLog(props.checklists.map((stored) => stored.checklist), props.today);
  if (rows.length === 0) return <Text className={styles.muted}>No checklists yet.</Text>;
  return (
    <div className={styles.scroll}>
      <Table aria-label={props.label ?? 'Access log'} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Person</TableHeaderCell>
            <TableHeaderCell>Kind</TableHeaderCell>
            <TableHeaderCell>Date</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Checklist</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const stored = byKey.get(row.checklist.key);
            const progress = checklistProgress(row.checklist);
            const done = row.completedAt ? formatLocalDate(londonDateOf(new Date(row.completedAt))) : '';
            return (
              <TableRow key={row.checklist.key}>
                <TableCell>
                  <Button appearance="transparent" onClick={() => props.onPerson(row.checklist.person)}>{row.checklist.person.displayName}</Button>
                </TableCell>
                <TableCell>{labelOf(CHECKLIST_KINDS, row.checklist.kind)}</TableCell>
                <TableCell>{formatLocalDate(row.checklist.date)}</TableCell>
                <TableCell>
                  {row.open ? `${progress.open} of ${progress.total} open` : `Complete on ${done}`}{' '}
                  {row.pastDate ? <Badge appearance="filled" color="danger">Past its date</Badge> : null}
                </TableCell>
                <TableCell>
                  {stored ? (
                    <Button size="small" onClick={() => props.onOpen(stored.id)}>
                      Open {labelOf(CHECKLIST_KINDS, row.checklist.kind).toLowerCase()} checklist for {row.checklist.person.displayName}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
