/**
 * After restore, a short review: was the downtime process right, do the contacts need updating (with
 * a link to edit the entry), and, optionally, count the incident as the service's continuity test, so
 * the next test comes due a year after it (src/domain/due.ts: continuity tests are due
 * CONTINUITY_TEST_INTERVAL_MONTHS after `continuityLastTested`).
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CONTINUITY_TEST_INTERVAL_MONTHS, addMonths, formatLocalDate, londonDateOf } from '@domain';
import { restoredOn, type Incident } from '@domain/incidents';
import { useOpenRegisterWith } from '../../state/registerFilters';
import { describeError } from '../../state/describeError';
import { useIncidents } from './incidentsContext';

const useStyles = makeStyles({
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type YesNo = 'yes' | 'no' | '';
const asBoolean = (value: YesNo): boolean | null => (value === '' ? null : value === 'yes');
const asWords = (value: boolean | null): string => (value === null ? 'Not answered' : value ? 'Yes' : 'No');

export function ReviewSummary({ incident }: { incident: Incident }) {
  const styles = useStyles();
  const review = incident.review;
  if (!review) return null;
  return (
    <section aria-label="Review" className={styles.section}>
      <Text as="h3" weight="semibold">Review</Text>
      <Text>Was the downtime process right? {asWords(review.downtimeProcessRight)}</Text>
      <Text>Do the contacts need updating? {asWords(review.contactsNeedUpdating)}</Text>
      {review.notes ? <Text>Notes: {review.notes}</Text> : null}
      <Text size={200}>Reviewed by {review.by} on {formatLocalDate(review.on)}.</Text>
    </section>
  );
}

export function ReviewForm(props: { incident: Incident; onEditEntry: () => void }) {
  const { incident } = props;
  const styles = useStyles();
  const { review, me, entries } = useIncidents();
  const openRegister = useOpenRegisterWith();
  const [processRight, setProcessRight] = useState<YesNo>('');
  const [contacts, setContacts] = useState<YesNo>('');
  const [notes, setNotes] = useState('');
  const [countAsTest, setCountAsTest] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The day it was restored: the downtime process ran for real, so it counts as this year's test.
  const testedOn = restoredOn(incident) ?? londonDateOf(new Date(incident.startedAt));
  const nextDue = addMonths(testedOn, CONTINUITY_TEST_INTERVAL_MONTHS);
  const entry = entries.find((stored) => stored.id === incident.entryId);
  const alreadyLater = entry?.entry.continuityLastTested !== null && entry !== undefined && (entry.entry.continuityLastTested ?? '') >= testedOn;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await review(incident.key, {
        downtimeProcessRight: asBoolean(processRight), contactsNeedUpdating: asBoolean(contacts), notes: notes.trim(), by: me.displayName,
        continuityTestOn: countAsTest && !alreadyLater ? testedOn : null,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Review after restore" className={styles.section}>
      <Text as="h3" weight="semibold">A short review</Text>
      <Text>{incident.serviceTitle} is restored. While it is fresh, two questions:</Text>
      <Field label="Was the downtime process right?">
        <RadioGroup layout="horizontal" value={processRight} onChange={(_event, data) => setProcessRight(data.value as YesNo)}>
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No, it needs changing" />
        </RadioGroup>
      </Field>
      <Field label="Do the supplier or ICB contacts need updating?">
        <RadioGroup layout="horizontal" value={contacts} onChange={(_event, data) => setContacts(data.value as YesNo)}>
          <Radio value="no" label="No" />
          <Radio value="yes" label="Yes" />
        </RadioGroup>
      </Field>
      {processRight === 'no' || contacts === 'yes' ? (
        <Link
          as="button"
          onClick={() => {
            props.onEditEntry();
            openRegister({}, incident.entryId);
          }}
        >
          Edit the entry for {incident.serviceTitle}
        </Link>
      ) : null}
      <Field label="Notes (optional)">
        <Textarea value={notes} onChange={(_event, data) => setNotes(data.value)} resize="vertical" />
      </Field>
      {alreadyLater ? (
        <Text size={200}>The entry already records a continuity test on or after {formatLocalDate(testedOn)}.</Text>
      ) : (
        <Checkbox
          checked={countAsTest}
          onChange={(_event, data) => setCountAsTest(data.checked === true)}
          label={`Count this incident as the continuity test: last tested ${formatLocalDate(testedOn)}, next test due ${formatLocalDate(nextDue)}`}
        />
      )}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Not saved: {describeError(error).message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void submit()}>
          Save review
        </Button>
      </div>
    </section>
  );
}
