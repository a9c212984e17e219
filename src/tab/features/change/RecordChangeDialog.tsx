/**
 * "Record a change" for one service: what changed, how it was tested, who approved it, how staff
 * were told, and the go-live date (today unless changed). The workload check's due date follows from
 * the go-live date. The key is made once per opening, so pressing the button again after a failure
 * never records it twice. A go-live recorded here (a service already live before the register kept
 * records) carries the gate's outcome as the entry shows it now.
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  Radio, RadioGroup, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import { changeErrors, changeKeyFor, gateOutcomes, workloadCheckDueFor, type ChangeKind, type ChangeRecord } from '@domain/change';
import { formatLocalDate, isLocalDate } from '@domain';
import { describeError } from '../../state/describeError';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useRegisterData } from '../../state/registerData';
import { useFocusReturn } from '../../components/useFocusReturn';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '560px', width: 'calc(100vw - 16px)' },
});

export function RecordChangeDialog(props: { stored: StoredEntry; open: boolean; kind: ChangeKind; onClose: () => void }) {
  // Back to the button that opened it: the list re-renders as the record saves (WCAG 2.4.3).
  useFocusReturn(props.open);
  const styles = useStyles();
  const { workspace, today } = useRegisterData();
  const { recordChange } = usePracticeRecords();
  const me = workspace.me.displayName;
  const [key] = useState(() => changeKeyFor(crypto.randomUUID()));
  const [kind, setKind] = useState<ChangeKind>(props.kind);
  const [whatChanged, setWhatChanged] = useState(props.kind === 'go-live' ? 'Went live' : '');
  const [howTested, setHowTested] = useState('');
  const [approvedBy, setApprovedBy] = useState(me);
  const [staffTold, setStaffTold] = useState('');
  const [goLiveOn, setGoLiveOn] = useState(today);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const entry = props.stored.entry;

  const record: ChangeRecord = {
    key, entryId: props.stored.id, serviceTitle: entry.title, kind,
    whatChanged: whatChanged.trim(), howTested: howTested.trim(), approvedBy: approvedBy.trim(), staffTold: staffTold.trim(),
    goLiveOn, workloadCheckDue: isLocalDate(goLiveOn) ? workloadCheckDueFor(goLiveOn) : goLiveOn, workloadCheck: null,
    gates: kind === 'go-live' ? gateOutcomes(entry) : [], fromLifecycle: null, recordedBy: me, recordedAt: new Date().toISOString(),
  };
  const problems = changeErrors(record, today);
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);

  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await recordChange(record);
      props.onClose();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  const failure = error ? describeError(error) : null;
  const title = entry.title || 'this service';
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_event, data) => (data.open || data.type === 'backdropClick' ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Record a change to {title}</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label="Kind of change">
              <RadioGroup value={kind} onChange={(_event, data) => setKind(data.value as ChangeKind)}>
                <Radio value="change" label="A change to the service" />
                <Radio value="go-live" label="Its go-live" />
              </RadioGroup>
            </Field>
            <Field label="What changed" required validationMessage={shown('whatChanged')}>
              <Textarea value={whatChanged} onChange={(_event, data) => setWhatChanged(data.value)} resize="vertical" />
            </Field>
            <Field label="How it was tested" validationMessage={shown('howTested')}
              hint="Before it went live: where, by whom, with what. Left blank, the change is listed as not tested.">
              <Textarea value={howTested} onChange={(_event, data) => setHowTested(data.value)} resize="vertical" />
            </Field>
            <Field label="Approved by" required validationMessage={shown('approvedBy')}>
              <Input value={approvedBy} onChange={(_event, data) => setApprovedBy(data.value)} />
            </Field>
            <Field label="How staff were told" required validationMessage={shown('staffTold')}>
              <Textarea value={staffTold} onChange={(_event, data) => setStaffTold(data.value)} resize="vertical" />
            </Field>
            <Field label="Go-live date" required validationMessage={shown('goLiveOn')}
              hint={isLocalDate(goLiveOn) ? `The workload check ("where has the workload gone?") will be due on ${formatLocalDate(workloadCheckDueFor(goLiveOn))}.` : undefined}>
              <Input type="date" value={goLiveOn} onChange={(_event, data) => setGoLiveOn(data.value)} />
            </Field>
            {failure ? (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>The change was not recorded: {failure.message} Your details are still here; press Record change again.</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()}>{busy ? 'Recording…' : 'Record change'}</Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
