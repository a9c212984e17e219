/**
 * Access reviews per service: the cycle of each service in use (last, interval, next due, from the
 * one due rule) and the records, and a form to record one (who reviewed, accounts checked and
 * removed). Recording moves the service's last access review forward through the register's save path.
 */
import { useState, type FormEvent } from 'react';
import {
  Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { accessReviewCycle, accessReviewErrors, compareReviews, type AccessReviewRecord, type StoredAccessReview } from '@domain/access';
import { IN_USE_LIFECYCLES, formatLocalDate, type LocalDate, type StoredEntry } from '@domain';
import { problemText } from './problemText';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  scroll: { overflowX: 'auto' },
});

const STATE_WORDS = { overdue: 'Overdue', 'due-soon': 'Due soon', 'up-to-date': 'Up to date', never: 'Never reviewed', none: 'No cycle' } as const;

export function AccessReviews(props: { register: readonly StoredEntry[]; reviews: readonly StoredAccessReview[]; today: LocalDate; me: string; onRecord: (review: AccessReviewRecord) => Promise<void> }) {
  const styles = useStyles();
  const { today } = props;
  const services = props.register
    .filter((stored) => IN_USE_LIFECYCLES.includes(stored.entry.lifecycle))
    .sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }));
  const [entryId, setEntryId] = useState('');
  const [reviewedOn, setReviewedOn] = useState(today);
  const [reviewedBy, setReviewedBy] = useState(props.me);
  const [checked, setChecked] = useState('');
  const [removed, setRemoved] = useState('0');
  const [notes, setNotes] = useState('');
  const [key, setKey] = useState(() => `rev-${crypto.randomUUID()}`);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const service = services.find((stored) => stored.id === entryId);
  const draft: AccessReviewRecord = {
    key, entryId, serviceTitle: service?.entry.title ?? '', reviewedOn, reviewedBy, accountsChecked: checked.trim() === '' ? Number.NaN : Number(checked),
    accountsRemoved: Number(removed), notes,
  };
  const errors = tried ? accessReviewErrors(draft, today) : {};
  const serviceError = tried && !service ? 'Choose the service.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!service || Object.keys(accessReviewErrors(draft, today)).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      await props.onRecord(draft);
      setSaid(`Access review of ${draft.serviceTitle} recorded.`);
      setKey(`rev-${crypto.randomUUID()}`);
      setTried(false);
      setChecked('');
      setRemoved('0');
      setNotes('');
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  const records = [...props.reviews].map((stored) => stored.review).sort(compareReviews);
  return (
    <section className={styles.page} aria-labelledby="reviews-heading">
      <Text as="h3" id="reviews-heading" size={400} weight="semibold">Access reviews</Text>
      <div className={styles.scroll}>
        <Table aria-label="Access review cycle per service" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Service</TableHeaderCell>
              <TableHeaderCell>Last review</TableHeaderCell>
              <TableHeaderCell>Every</TableHeaderCell>
              <TableHeaderCell>Next due</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {services.map((stored) => {
              const cycle = accessReviewCycle(stored.entry, today);
              return (
                <TableRow key={stored.id}>
                  <TableCell>{stored.entry.title}</TableCell>
                  <TableCell>{cycle.last ? formatLocalDate(cycle.last) : 'Never'}</TableCell>
                  <TableCell>{cycle.intervalMonths === 0 ? 'No cycle' : `${cycle.intervalMonths} months`}</TableCell>
                  <TableCell>{cycle.nextDue ? formatLocalDate(cycle.nextDue) : ''}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={cycle.state === 'overdue' ? 'danger' : cycle.state === 'due-soon' ? 'warning' : 'informative'}>{STATE_WORDS[cycle.state]}</Badge>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="record-review-heading">
        <Text as="h4" id="record-review-heading" weight="semibold">Record an access review</Text>
        <Field label="Service" validationMessage={serviceError}>
          <Select id="review-service" value={entryId} onChange={(_event, data) => setEntryId(data.value)}>
            <option value="">Choose a service</option>
            {services.map((stored) => <option key={stored.id} value={stored.id}>{stored.entry.title}</option>)}
          </Select>
        </Field>
        <div className={styles.row}>
          <Field label="Reviewed on" validationMessage={errors.reviewedOn}>
            <Input id="review-date" type="date" value={reviewedOn} onChange={(_event, data) => setReviewedOn(data.value)} />
          </Field>
          <Field label="Reviewed by" validationMessage={errors.reviewedBy}>
            <Input id="review-by" value={reviewedBy} onChange={(_event, data) => setReviewedBy(data.value)} />
          </Field>
          <Field label="Accounts checked" validationMessage={errors.accountsChecked}>
            <Input id="review-checked" type="number" min={0} value={checked} onChange={(_event, data) => setChecked(data.value)} />
          </Field>
          <Field label="Accounts removed" validationMessage={errors.accountsRemoved}>
            <Input id="review-removed" type="number" min={0} value={removed} onChange={(_event, data) => setRemoved(data.value)} />
          </Field>
        </div>
        <Field label="Notes">
          <Textarea id="review-notes" value={notes} onChange={(_event, data) => setNotes(data.value)} />
        </Field>
        {problem ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>Not recorded: {problem}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Text aria-live="polite">{said}</Text>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>Record access review</Button>
        </div>
      </form>
      <Text as="h4" weight="semibold">Reviews recorded</Text>
      {records.length === 0 ? <Text>No access reviews recorded yet.</Text> : (
        <div className={styles.scroll}>
          <Table aria-label="Access reviews recorded" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Service</TableHeaderCell>
                <TableHeaderCell>Reviewed on</TableHeaderCell>
                <TableHeaderCell>By</TableHeaderCell>
                <TableHeaderCell>Accounts checked</TableHeaderCell>
                <TableHeaderCell>Removed</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {records.map((review) => (
                <TableRow key={review.key}>
                  <TableCell>{review.serviceTitle}</TableCell>
                  <TableCell>{formatLocalDate(review.reviewedOn)}</TableCell>
                  <TableCell>{review.reviewedBy}</TableCell>
                  <TableCell>{review.accountsChecked}</TableCell>
                  <TableCell>{review.accountsRemoved}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
