/**
 * The entry dialog's Changes section: every change recorded for this service, newest first, with how
 * it was tested (or that it was not), who approved it, how staff were told and the workload check;
 * a go-live shows each requirement met or waived. "Record a change" and "Workload check" open their
 * own dialogs. All text is user data rendered as text, so React escapes it.
 */
import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { labelOf, type StoredEntry, formatLocalDate } from '@domain';
import { CHANGES_LIST, CHANGE_KINDS, compareChanges, gateOutcomeText, isUntested, workloadState, workloadText, type StoredChange } from '@domain/change';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useRegisterData } from '../../state/registerData';
import { PracticeListMissing } from '../../components/PracticeListsNotice';
import { RecordChangeDialog } from './RecordChangeDialog';
import { WorkloadCheckDialog } from './WorkloadCheckDialog';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  warning: { color: tokens.colorPaletteRedForeground1 },
  gates: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});


function ChangeItem(props: { stored: StoredChange; onCheck: () => void }) {
  const styles = useStyles();
  const { today } = useRegisterData();
  const { change } = props.stored;
  const state = workloadState(change, today);
  return (
    <li className={styles.item}>
      <Text weight="semibold">{labelOf(CHANGE_KINDS, change.kind)}, {formatLocalDate(change.goLiveOn)}: {change.whatChanged}</Text>
      {isUntested(change) ? <Text className={styles.warning}>No record of how it was tested.</Text> : <Text>Tested: {change.howTested}</Text>}
      <Text>Approved by {change.approvedBy || 'nobody named'}. Staff told: {change.staffTold || 'not recorded'}.</Text>
      {change.gates.length > 0 ? (
        <ul className={styles.gates} aria-label={`Go-live requirements on ${formatLocalDate(change.goLiveOn)}`}>
          {change.gates.map((outcome) => <li key={outcome.gate}><Text size={200}>{gateOutcomeText(outcome)}</Text></li>)}
        </ul>
      ) : null}
      <Text className={state === 'overdue' ? styles.warning : undefined}>{workloadText(change, today)}</Text>
      {state !== 'not-yet' ? (
        <div>
          <Button size="small" onClick={props.onCheck}>
            {state === 'done' ? 'Change the workload check' : 'Record the workload check'}: {formatLocalDate(change.goLiveOn)}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function EntryChangesSection(props: { stored: StoredEntry }) {
  const styles = useStyles();
  const { records, changesList } = usePracticeRecords();
  // The dialogs stay mounted and close through `open` (see register/EntryDialog.tsx: unmounting an open
  // Fluent dialog leaves the page aria-hidden); a new key per opening starts a fresh form.
  const [recording, setRecording] = useState(false);
  const [kind, setKind] = useState<'change' | 'go-live'>('change');
  const [opening, setOpening] = useState(0);
  const [checking, setChecking] = useState<StoredChange | null>(null);
  const [checkOpen, setCheckOpen] = useState(false);
  const id = props.stored.id;
  const mine = (records?.changes ?? []).filter((stored) => stored.change.entryId === id).sort((a, b) => compareChanges(a.change, b.change));
  const live = props.stored.entry.lifecycle === 'live';
  const noGoLive = live && changesList === 'ready' && !mine.some((stored) => stored.change.kind === 'go-live');
  const open = (next: 'change' | 'go-live') => {
    setOpening((value) => value + 1);
    setKind(next);
    setRecording(true);
  };
  return (
    <section aria-labelledby={`changes-${id}`} className={styles.section}>
      <Text as="h3" id={`changes-${id}`} weight="semibold">Changes</Text>
      {changesList === 'missing' ? <PracticeListMissing feature="Changes" listName={CHANGES_LIST.name} /> : null}
      {changesList === 'waiting' ? <Text>Loading the changes…</Text> : null}
      {changesList === 'failed' ? <Text>The changes could not be loaded. Close the entry and open it again to retry.</Text> : null}
      {changesList === 'ready' && mine.length === 0 ? <Text>No changes recorded for this service.</Text> : null}
      {noGoLive ? <Text className={styles.warning}>This service is live but has no go-live record.</Text> : null}
      {mine.length > 0 ? (
        <ul className={styles.list}>
          {mine.map((stored) => <ChangeItem key={stored.id} stored={stored} onCheck={() => { setChecking(stored); setCheckOpen(true); }} />)}
        </ul>
      ) : null}
      {changesList === 'ready' ? (
        <div>
          <Button onClick={() => open('change')}>Record a change</Button>{' '}
          {noGoLive ? <Button onClick={() => open('go-live')}>Record its go-live</Button> : null}
        </div>
      ) : null}
      <RecordChangeDialog key={`record-${opening}`} stored={props.stored} kind={kind} open={recording} onClose={() => setRecording(false)} />
      {checking ? <WorkloadCheckDialog key={`check-${checking.id}-${checking.eTag}`} stored={checking} open={checkOpen} onClose={() => setCheckOpen(false)} /> : null}
    </section>
  );
}
