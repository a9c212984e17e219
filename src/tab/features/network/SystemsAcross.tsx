/**
 * "Systems across the network": one row per service (grouped by name across practices), one column
 * per practice whose register was read. Each cell names the practice's owner, review state, DPIA
 * state and flags, and opens that practice's entry read-only. The filters answer questions such as
 * "which practices have no downtime process for telephony?" (Category: Telephony, Flag: No downtime
 * process) or "where is the AI scribe in trial without a DPIA?" (Lifecycle: Trial, Flag: Personal
 * data, no DPIA).
 */
import { useMemo, useState } from 'react';
import {
  Field,
  Input,
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
import { CATEGORIES, LIFECYCLES, RISK_FLAGS, type Category, type Lifecycle, type LocalDate, type RiskFlag } from '@domain';
import { categoryLabel, filterSystems, systemsAcross, type PracticeLoad, type SystemCell, type SystemFilter } from '@domain/network';
import { LifecycleBadge, ReviewStatusBadge, RiskFlagBadges } from '../../components/badges';
import type { DrillTarget } from './EntryDrillDown';
import { useReadRowStyles } from './readRowStyles';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  scroller: { overflowX: 'auto', maxHeight: '75vh', overflowY: 'auto' },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  cell: { verticalAlign: 'top', minWidth: '180px', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  entries: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
});

const ANY = '';

export function SystemsAcross(props: { loads: readonly PracticeLoad[]; today: LocalDate; onOpen: (target: DrillTarget) => void }) {
  const readRow = useReadRowStyles();
  const styles = useStyles();
  const [filter, setFilter] = useState<SystemFilter>({});
  const all = useMemo(() => systemsAcross(props.loads, props.today), [props.loads, props.today]);
  const rows = useMemo(() => filterSystems(all, filter), [all, filter]);
  const practices = useMemo(
    () =>
      props.loads
        .filter((load) => load.state === 'loaded')
        .map((load) => load.practice)
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })),
    [props.loads],
  );
  const notRead = props.loads.length - practices.length;
  const set = <K extends keyof SystemFilter>(key: K, value: string) =>
    setFilter((now) => ({ ...now, [key]: value === ANY ? undefined : value }));

  return (
    <>
      <div className={styles.bar} role="group" aria-label="Filter the systems">
        <Field label="Service name">
          <Input value={filter.name ?? ''} onChange={(_event, data) => set('name', data.value)} />
        </Field>
        <FilterSelect label="Category" all="All categories" value={filter.category} options={CATEGORIES} onChange={(value) => set('category', value as Category)} />
        <FilterSelect label="Lifecycle" all="All lifecycle states" value={filter.lifecycle} options={LIFECYCLES} onChange={(value) => set('lifecycle', value as Lifecycle)} />
        <FilterSelect label="Flag" all="Any or none" value={filter.flag} options={RISK_FLAGS} onChange={(value) => set('flag', value as RiskFlag)} />
        <Text role="status">
          Showing {rows.length} of {all.length} {all.length === 1 ? 'service' : 'services'}
        </Text>
      </div>
      {notRead > 0 ? (
        <Text className={styles.muted}>
          {notRead} {notRead === 1 ? 'practice is' : 'practices are'} not included: not opted in, or could not be read (see Practices side by side).
        </Text>
      ) : null}
      <div className={styles.scroller}>
        <Table aria-label="Systems across the network" size="small">
          <TableHeader className={styles.head}>
            <TableRow>
              <TableHeaderCell>Service</TableHeaderCell>
              {practices.map((practice) => (
                <TableHeaderCell key={practice.key}>{practice.name}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow className={readRow.row} key={row.systemKey}>
                <TableHeaderCell scope="row" className={styles.cell}>
                  <span className={styles.entry}>
                    <Text weight="semibold">{row.label}</Text>
                    <Text size={200} className={styles.muted}>
                      {categoryLabel(row.category)}
                    </Text>
                  </span>
                </TableHeaderCell>
                {practices.map((practice) => {
                  const cells = row.cells.filter((cell) => cell.practiceKey === practice.key);
                  return (
                    <TableCell key={practice.key} className={styles.cell}>
                      {cells.length === 0 ? (
                        <Text className={styles.muted}>Not recorded</Text>
                      ) : (
                        <ul className={styles.entries}>
                          {cells.map((cell) => (
                            <li key={cell.entryId}>
                              <SystemCellView cell={cell} onOpen={props.onOpen} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {rows.length === 0 ? <Text>No service matches these filters.</Text> : null}
    </>
  );
}

function SystemCellView(props: { cell: SystemCell; onOpen: (target: DrillTarget) => void }) {
  const styles = useStyles();
  const { cell } = props;
  const title = cell.title.trim() || '(no name)';
  return (
    <span className={styles.entry}>
      <Link as="button" className={styles.title} aria-label={`${title} at ${cell.practiceName}`} onClick={() => props.onOpen({ practiceKey: cell.practiceKey, entryId: cell.entryId })}>
        {title}
      </Link>
      <Text size={200}>Owner: {cell.owner || 'No owner'}</Text>
      <span>
        <ReviewStatusBadge status={cell.reviewStatus} /> <LifecycleBadge lifecycle={cell.lifecycle} />
      </span>
      <Text size={200}>DPIA: {cell.dpia}</Text>
      <RiskFlagBadges flags={cell.flags} />
    </span>
  );
}

function FilterSelect(props: {
  label: string;
  all: string;
  value: string | undefined;
  options: ReadonlyArray<{ readonly code: string; readonly label: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value ?? ANY} onChange={(_event, data) => props.onChange(data.value)}>
        <option value={ANY}>{props.all}</option>
        {props.options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
