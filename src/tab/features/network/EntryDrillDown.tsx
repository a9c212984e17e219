/**
 * The drill-down: a practice's entry shown READ-ONLY, as its own register holds it (only the
 * practice edits its register), with every field's label and readable value, and the network's
 * notes on it. Opened on a practice alone, it lists that practice's services to choose from.
 */
import { useMemo } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { REGISTER_SCHEMA, readableText, type FieldRow } from '@domain/schema';
import { safeHttpsUrl, type RegisterEntry, type StoredEntry } from '@domain';
import type { PracticeLoad } from '@domain/network';
import type { NetworkHome } from '@graph/network';
import { useFocusReturn } from '../../components/useFocusReturn';
import { EntryNotes } from './EntryNotes';

/** Which practice, and which of its entries (null: choose one of its services). */
export interface DrillTarget {
  readonly practiceKey: string;
  readonly entryId: string | null;
}

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 16px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(140px, 34%) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface EntryDrillDownProps {
  readonly target: DrillTarget | null;
  readonly loads: readonly PracticeLoad[];
  readonly home: NetworkHome;
  /** Who writes a note. */
  readonly me: { readonly id: string; readonly displayName: string };
  readonly onClose: () => void;
  readonly onChoose: (target: DrillTarget) => void;
}

export function EntryDrillDown(props: EntryDrillDownProps) {
  const open = props.target !== null;
  useFocusReturn(open);
  const styles = useStyles();
  const load = props.loads.find((item) => item.practice.key === props.target?.practiceKey);
  const entries = useMemo(() => (load?.state === 'loaded' ? load.entries : []), [load]);
  const stored = props.target?.entryId ? entries.find((item) => item.id === props.target?.entryId) : undefined;
  const practiceName = load?.practice.name ?? 'The practice';
  const sorted = useMemo(() => [...entries].sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en-GB')), [entries]);
  const title = stored ? `${practiceName}: ${stored.entry.title || '(no name)'}` : practiceName;

  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {!load || load.state !== 'loaded' ? <Text>This practice&apos;s register could not be read.</Text> : null}
            {load?.state === 'loaded' && props.target?.entryId && !stored ? (
              <Text>This service is no longer in {practiceName}&apos;s register.</Text>
            ) : null}
            {load?.state === 'loaded' && !props.target?.entryId ? (
              <PracticeServices entries={sorted} onChoose={(entryId) => props.onChoose({ practiceKey: load.practice.key, entryId })} />
            ) : null}
            {load?.state === 'loaded' && stored ? (
              <>
                <Text>Read-only: only {practiceName} edits its register. Leave a note below for the practice.</Text>
                <EntryFields entry={stored.entry} />
                <EntryNotes home={props.home} practice={load.practice} stored={stored} author={props.me} />
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            {stored && load ? (
              <Button onClick={() => props.onChoose({ practiceKey: load.practice.key, entryId: null })}>All services at {practiceName}</Button>
            ) : null}
            <Button appearance="primary" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PracticeServices(props: { entries: readonly StoredEntry[]; onChoose: (entryId: string) => void }) {
  const styles = useStyles();
  if (props.entries.length === 0) return <Text>The register has no services yet.</Text>;
  return (
    <ul className={styles.list} aria-label="Services">
      {props.entries.map((stored) => (
        <li key={stored.id}>
          <Link as="button" onClick={() => props.onChoose(stored.id)}>
            {stored.entry.title || '(no name)'}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Every field of the entry in the register's groups, each "label: value" as the practice's own form words it. */
export function EntryFields(props: { entry: RegisterEntry }) {
  const styles = useStyles();
  return (
    <>
      {REGISTER_SCHEMA.groups.map((group) => {
        const rows = REGISTER_SCHEMA.rows.filter((row) => row.group === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} className={styles.group}>
            <h3 className={styles.heading}>{group}</h3>
            <dl className={styles.fields}>
              {rows.map((row) => (
                <FieldLine key={String(row.key)} row={row} entry={props.entry} />
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function FieldLine(props: { row: FieldRow<RegisterEntry>; entry: RegisterEntry }) {
  const styles = useStyles();
  const text = readableText(props.row, props.entry);
  const raw: unknown = props.entry[props.row.key];
  // Only https links from a practice's data are clickable; anything else is shown as plain text.
  const isLink = props.row.kind.type === 'text' && typeof raw === 'string' && safeHttpsUrl(raw) !== null;
  return (
    <>
      <dt className={styles.label}>{props.row.label}</dt>
      <dd className={styles.value}>
        {isLink ? (
          <Link href={safeHttpsUrl(raw as string) ?? undefined} target="_blank" rel="noopener noreferrer">
            {text}
          </Link>
        ) : (
          text
        )}
      </dd>
    </>
  );
}
