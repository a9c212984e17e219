/**
 * "Declare incident": which service (preselected), down or degraded, what is seen, when it started
 * (now by default, UK time). The incident key is made once per opening, so pressing the button again
 * after a failure never creates a second incident; the card then goes through the pending queue.
 */
import { useMemo, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  Radio, RadioGroup, Select, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import type { IncidentImpact } from '@domain/incidents';
import { describeError } from '../../state/describeError';
import { PracticeListMissing } from '../../components/PracticeListsNotice';
import { INCIDENTS_LIST } from '@domain/incidents';
import { newIncidentKey } from './incidentChanges';
import { useIncidents } from './incidentsContext';
import { instantFromLondonInput, londonInputValue } from './incidentViews';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '560px', width: 'calc(100vw - 16px)' },
});

export function DeclareIncidentDialog(props: { entryId: string; open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const { entries, declare, me, listState, incidents } = useIncidents();
  const [key] = useState(newIncidentKey);
  const [entryId, setEntryId] = useState(props.entryId);
  const [impact, setImpact] = useState<IncidentImpact>('down');
  const [seen, setSeen] = useState('');
  const [started, setStarted] = useState(() => londonInputValue(new Date().toISOString()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const services = useMemo(
    () => entries.filter((stored) => stored.entry.lifecycle !== 'retired').sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en-GB')),
    [entries],
  );
  const service = services.find((stored) => stored.id === entryId);
  const startedAt = instantFromLondonInput(started);
  const future = startedAt !== null && Date.parse(startedAt) > Date.now() + 5 * 60_000;
  const alreadyOpen = incidents.find((stored) => stored.incident.entryId === entryId && stored.incident.state === 'open');
  const problems = {
    seen: seen.trim() === '' ? 'Say what people see, for example "EMIS will not load at reception".' : undefined,
    started: startedAt === null ? 'Enter when it started, as a date and time.' : future ? 'When it started cannot be in the future.' : undefined,
  };

  const submit = async () => {
    setTried(true);
    if (!service || problems.seen || problems.started || startedAt === null) return;
    setBusy(true);
    setError(null);
    try {
      await declare({ entryId: service.id, serviceTitle: service.entry.title, impact, seen: seen.trim(), startedAt, declaredBy: me }, key);
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
          <DialogTitle>Declare an incident</DialogTitle>
          <DialogContent className={styles.form}>
            {listState === 'missing' ? (
              <PracticeListMissing feature="Incidents" listName={INCIDENTS_LIST.name} />
            ) : (
              <>
                <Field label="Service" required>
                  <Select value={entryId} onChange={(_event, data) => setEntryId(data.value)}>
                    {services.map((stored) => (
                      <option key={stored.id} value={stored.id}>
                        {stored.entry.title || '(no name)'}
                      </option>
                    ))}
                  </Select>
                </Field>
                {alreadyOpen ? (
                  <MessageBar intent="info" layout="multiline">
                    <MessageBarBody>{alreadyOpen.incident.serviceTitle} already has an open incident. Post an update on it instead, unless this is a new failure.</MessageBarBody>
                  </MessageBar>
                ) : null}
                <Field label="Is it down or degraded?">
                  <RadioGroup value={impact} onChange={(_event, data) => setImpact(data.value as IncidentImpact)}>
                    <Radio value="down" label="Down: it cannot be used" />
                    <Radio value="degraded" label="Degraded: slow, or part of it fails" />
                  </RadioGroup>
                </Field>
                <Field label="What is seen" required validationMessage={tried ? problems.seen : undefined} hint="What staff or patients see, in plain words.">
                  <Textarea value={seen} onChange={(_event, data) => setSeen(data.value)} resize="vertical" />
                </Field>
                <Field label="When it started (UK time)" required validationMessage={tried ? problems.started : undefined}>
                  <Input type="datetime-local" value={started} onChange={(_event, data) => setStarted(data.value)} />
                </Field>
                {failure ? (
                  <MessageBar intent="error" layout="multiline" role="alert">
                    <MessageBarBody>
                      The incident was not saved: {failure.message} Your details are still here; press Declare incident again.
                    </MessageBarBody>
                  </MessageBar>
                ) : null}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {listState !== 'missing' ? (
              <Button appearance="primary" disabled={busy || !service} onClick={() => void submit()}>
                {busy ? 'Declaring…' : 'Declare incident'}
              </Button>
            ) : null}
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
