/**
 * One incident: what happened so far, its cards in the channel, and (while open) "Post update", a
 * supplier reference and "Restored"; after restore, the short review. Stays mounted and closes
 * through `open` (see EntryDialog: unmounting an open Fluent dialog leaves the page aria-hidden).
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Link, MessageBar, MessageBarBody,
  Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Incident } from '@domain/incidents';
import { describeError } from '../../state/describeError';
import { CardStatus } from './CardStatus';
import { useIncidents } from './incidentsContext';
import { durationText, londonDateTime } from './incidentViews';
import { RestoreForm } from './RestoreForm';
import { ReviewForm, ReviewSummary } from './ReviewForm';
import { downtimeCardHref, goTo } from './safeLinks';

const useStyles = makeStyles({
  surface: { maxWidth: '680px', width: 'calc(100vw - 16px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap' },
  updates: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '220px' },
});

const KIND_LABELS = { update: 'Update', reference: 'Supplier reference', restored: 'Restored' } as const;

function Facts({ incident }: { incident: Incident }) {
  const styles = useStyles();
  const facts: Array<[string, string]> = [
    ['Status', incident.state === 'open' ? `Open: ${incident.impact === 'down' ? 'down' : 'degraded'}` : `Restored ${londonDateTime(incident.restoredAt ?? '')}`],
    ['Started', londonDateTime(incident.startedAt)],
    ['Duration', durationText(incident)],
    ['Declared by', incident.declaredBy.displayName],
    ['What is seen', incident.seen],
    ['Supplier reference', incident.supplierReference || 'None yet'],
  ];
  if (incident.cause) facts.push(['Cause', incident.cause]);
  if (incident.actions) facts.push(['Actions', incident.actions]);
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function UpdateForms({ incident }: { incident: Incident }) {
  const styles = useStyles();
  const { addUpdate } = useIncidents();
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (kind: 'update' | 'reference', value: string, clear: () => void) => {
    if (value.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await addUpdate(incident.key, kind, value.trim());
      clear();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className={styles.row}>
        <Field label="Post an update to the channel thread" className={styles.grow}>
          <Textarea value={text} onChange={(_event, data) => setText(data.value)} resize="vertical" />
        </Field>
        <Button disabled={busy || text.trim() === ''} onClick={() => void send('update', text, () => setText(''))}>
          Post update
        </Button>
      </div>
      <div className={styles.row}>
        <Field label="Supplier reference" hint="The call or ticket number the supplier gave you." className={styles.grow}>
          <Input value={reference} onChange={(_event, data) => setReference(data.value)} />
        </Field>
        <Button disabled={busy || reference.trim() === ''} onClick={() => void send('reference', reference, () => setReference(''))}>
          Add supplier reference
        </Button>
      </div>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Not saved: {describeError(error).message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function IncidentDialog(props: { incidentKey: string; open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const { incidents } = useIncidents();
  const incident = incidents.find((stored) => stored.incident.key === props.incidentKey)?.incident;
  const cardHref = incident ? downtimeCardHref(incident.entryId) : '';
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_event, data) => (data.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{incident ? `Incident: ${incident.serviceTitle}` : 'Incident'}</DialogTitle>
          <DialogContent className={styles.content}>
            {!incident ? (
              <Text>This incident is no longer in the incidents list.</Text>
            ) : (
              <>
                <Facts incident={incident} />
                <CardStatus incidentKey={incident.key} />
                <Link
                  href={cardHref}
                  onClick={(event) => {
                    event.preventDefault();
                    props.onClose();
                    goTo(cardHref);
                  }}
                >
                  Downtime card for {incident.serviceTitle}
                </Link>
                <section aria-label="Updates">
                  <Text as="h3" weight="semibold">Updates</Text>
                  {incident.updates.length === 0 ? <Text block>No updates yet.</Text> : (
                    <ol className={styles.updates}>
                      {incident.updates.map((update) => (
                        <li key={update.key}>
                          <Text>
                            {londonDateTime(update.at)} · {update.by} · {KIND_LABELS[update.kind]}: {update.text}
                          </Text>
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
                {incident.state === 'open' ? (
                  <>
                    <UpdateForms incident={incident} />
                    <RestoreForm incident={incident} />
                  </>
                ) : incident.review ? (
                  <ReviewSummary incident={incident} />
                ) : (
                  <ReviewForm incident={incident} onEditEntry={props.onClose} />
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
