/**
 * The register as a table: one row per service with its review status and risk flags. The service
 * name opens the entry. On a narrow screen (a phone, or Teams' side panel) the category and
 * provision columns give way so the status and flags stay visible.
 */
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
import { CATEGORIES, PROVISIONS, labelOf } from '../../../domain';
import { ReviewStatusBadge, RiskFlagBadges } from './badges';
import type { RegisterRow } from '../../api/registerData';

const NARROW = '@media (max-width: 640px)';
/** A phone or Teams' side panel: the owner moves under the service name. */
const PHONE = '@media (max-width: 480px)';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '320px' },
  wide: { [NARROW]: { display: 'none' } },
  ownerColumn: { [PHONE]: { display: 'none' } },
  ownerInline: { display: 'none', [PHONE]: { display: 'block' } },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  owner: { color: tokens.colorNeutralForeground2 },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
});

export function RegisterTable(props: { rows: readonly RegisterRow[]; onOpen: (row: RegisterRow) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label="Digital services" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Service</TableHeaderCell>
            <TableHeaderCell className={styles.wide}>Category</TableHeaderCell>
            <TableHeaderCell className={styles.wide}>Provision</TableHeaderCell>
            <TableHeaderCell className={styles.ownerColumn}>Owner</TableHeaderCell>
            <TableHeaderCell>Review</TableHeaderCell>
            <TableHeaderCell>Risk flags</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => {
            const { entry } = row.stored;
            const owner = entry.owner ? entry.owner.displayName || entry.owner.upn : 'No owner';
            return (
              <TableRow key={row.stored.id}>
                <TableCell className={styles.cell}>
                  <Link as="button" className={styles.name} onClick={() => props.onOpen(row)}>
                    {entry.title || '(no name)'}
                  </Link>
                  <Text size={200} className={mergeClasses(styles.owner, styles.ownerInline)}>
                    Owner: {owner}
                  </Text>
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
                  <RiskFlagBadges flags={row.flags} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
