/**
 * The workload check on one change: "where has the workload gone?", a set period after go-live
 * (src/domain/change: WORKLOAD_CHECK_DAYS). Saved onto the change record with If-Match; checking
 * again replaces the earlier answer.
 */
import { useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { recordWorkloadCheck, workloadCheckErrors, type StoredChange, type WorkloadCheck } from '@domain/change';
import { formatLocalDate } from '@domain';
import { describeError } from '../../state/describeError';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useRegisterData } from '../../state/registerData';
import { useFocusReturn } from '../../components/useFocusReturn';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '560px', width: 'calc(100vw - 16px)' },
});

export function WorkloadCheckDialog(props: { stored: StoredChange; open: boolean; onClose: () => void }) {
  // Back to the button that opened it: the list re-renders as the record saves (WCAG 2.4.3).
  useFocusReturn(props.open);
  const styles = useStyles();
  const { workspace, today } = useRegisterData();
  const { updateChange } = usePracticeRecords();
  const change = props.stored.change;
  const [check, setCheck] = useState<WorkloadCheck>(() => change.workloadCheck ?? { on: today, by: workspace.me.displayName, finding: '', actionNeeded: false });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = workloadCheckErrors(check, change, today);
  const set = (patch: Partial<WorkloadCheck>) => setCheck((current) => ({ ...current, ...patch }));

  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await updateChange(props.stored, (record) => recordWorkloadCheck(record, check));
      props.onClose();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  const failure = error ? describeError(error) : null;
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_event, data) => (data.open || data.type === 'backdropClick' ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Workload check: {change.serviceTitle}</DialogTitle>
          <DialogContent className={styles.form}>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {change.whatChanged} went live on {formatLocalDate(change.goLiveOn)}. Where has the workload gone: to reception, to clinicians,
                to patients, or away?
              </MessageBarBody>
            </MessageBar>
            <Field label="Where has the workload gone?" required validationMessage={tried ? problems.finding : undefined}>
              <Textarea value={check.finding} onChange={(_event, data) => set({ finding: data.value })} resize="vertical" />
            </Field>
            <Checkbox label="Something needs doing about it" checked={check.actionNeeded} onChange={(_event, data) => set({ actionNeeded: data.checked === true })} />
            <Field label="Checked by" required validationMessage={tried ? problems.by : undefined}>
              <Input value={check.by} onChange={(_event, data) => set({ by: data.value })} />
            </Field>
            <Field label="Checked on" required validationMessage={tried ? problems.on : undefined}>
              <Input type="date" value={check.on} onChange={(_event, data) => set({ on: data.value })} />
            </Field>
            {failure ? (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>The workload check was not saved: {failure.message} Your answer is still here; press Save workload check again.</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()}>{busy ? 'Saving…' : 'Save workload check'}</Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
