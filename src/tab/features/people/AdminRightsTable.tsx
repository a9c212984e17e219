/** The practice-wide "who holds admin rights" view (DSPT 4.3.1): those needing review first. */
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { adminRightsView } from '@domain/access';
import { formatLocalDate, type LocalDate, type StoredEntry } from '@domain';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
});

export function AdminRightsTable(props: { register: readonly StoredEntry[]; today: LocalDate }) {
  const styles = useStyles();
  const rows = adminRightsView(props.register, props.today);
  const needing = rows.filter((row) => row.needsReview).length;
  return (
    <section className={styles.page} aria-labelledby="admin-rights-heading">
      <Text as="h3" id="admin-rights-heading" size={400} weight="semibold">Who holds admin rights</Text>
      <Text>
        {rows.length === 0
          ? 'No admin rights are recorded. Add them in each service’s entry, under Admin rights.'
          : `${rows.length} admin right${rows.length === 1 ? '' : 's'} on services in use; ${needing} need${needing === 1 ? 's' : ''} review (none, or over 12 months ago).`}
      </Text>
      {rows.length > 0 ? (
        <div className={styles.scroll}>
          <Table aria-label="Who holds admin rights" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Service</TableHeaderCell>
                <TableHeaderCell>Holder</TableHeaderCell>
                <TableHeaderCell>Organisation</TableHeaderCell>
                <TableHeaderCell>Agreement on file</TableHeaderCell>
                <TableHeaderCell>Reviewed on</TableHeaderCell>
                <TableHeaderCell>Review</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={`${row.entryId}-${row.index}`}>
                  <TableCell>{row.serviceTitle}</TableCell>
                  <TableCell>{row.name}{row.account ? ` (${row.account})` : ' (external)'}</TableCell>
                  <TableCell>{row.organisation}</TableCell>
                  <TableCell>{row.holder.agreementOnFile ? 'Yes' : 'No'}</TableCell>
                  <TableCell>{row.holder.reviewedOn ? formatLocalDate(row.holder.reviewedOn) : 'Never'}</TableCell>
                  <TableCell>
                    {row.needsReview ? <Badge appearance="tint" color="danger">Review needed</Badge> : `Due ${row.reviewDue ? formatLocalDate(row.reviewDue) : ''}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
