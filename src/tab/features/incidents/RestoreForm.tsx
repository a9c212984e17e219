/** "Restored": when the service came back (now by default, UK time), the cause and the actions taken. */
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Incident } from '@domain/incidents';
import { describeError } from '../../state/describeError';
import { useIncidents } from './incidentsContext';
import { instantFromLondonInput, londonInputValue } from './incidentViews';

const useStyles = makeStyles({
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function RestoreForm({ incident }: { incident: Incident }) {
  const styles = useStyles();
  const { restore } = useIncidents();
  const [at, setAt] = useState(() => londonInputValue(new Date().toISOString()));
  const [cause, setCause] = useState(incident.cause);
  const [actions, setActions] = useState(incident.actions);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const instant = instantFromLondonInput(at);
  const problem =
    instant === null ? 'Enter when it was restored, as a date and time.'
      : Date.parse(instant) < Date.parse(incident.startedAt) ? 'It cannot be restored before it started.'
        : Date.parse(instant) > Date.now() + 5 * 60_000 ? 'When it was restored cannot be in the future.' : undefined;

  const submit = async () => {
    if (problem || instant === null) return;
    setBusy(true);
    setError(null);
    try {
      await restore(incident.key, { at: instant, cause: cause.trim(), actions: actions.trim(), text: note.trim() || `${incident.serviceTitle} is working again.` });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Restored" className={styles.section}>
      <Text as="h3" weight="semibold">When it is working again</Text>
      <Field label="Restored at (UK time)" validationMessage={problem}>
        <Input type="datetime-local" value={at} onChange={(_event, data) => setAt(data.value)} />
      </Field>
      <Field label="Cause" hint="What the supplier or your own checks found, if known.">
        <Textarea value={cause} onChange={(_event, data) => setCause(data.value)} resize="vertical" />
      </Field>
      <Field label="Actions taken">
        <Textarea value={actions} onChange={(_event, data) => setActions(data.value)} resize="vertical" />
      </Field>
      <Field label="Message for the channel (optional)">
        <Input value={note} onChange={(_event, data) => setNote(data.value)} />
      </Field>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Not saved: {describeError(error).message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={busy || problem !== undefined} onClick={() => void submit()}>
          Mark restored
        </Button>
      </div>
    </section>
  );
}
