/**
 * One checklist: each line with what to do (the register's own words), ticked with who and when,
 * or marked not applicable with a reason; handover lines hand the service to the deputy in one
 * click, or to someone picked. Each action is saved at once (If-Match; a tick someone else made
 * meanwhile is kept) and announced politely.
 */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CHECKLIST_DATE_LABELS,
  CHECKLIST_KINDS,
  STAFF_ROLES,
  checklistProgress,
  isChecklistPastDate,
  type ChecklistLine,
  type StoredChecklist,
} from '@domain/access';
import { formatLocalDate, labelOf, type LocalDate, type PersonRef } from '@domain';
import { OwnerPicker } from '../../components/OwnerPicker';
import { useRegisterData } from '../../state/registerData';
import { problemText } from './problemText';
import type { PeopleData } from './usePeopleData';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const KIND_WORDS: Record<ChecklistLine['kind'], string> = { access: 'Access', handover: 'Handover', 'admin-rights': 'Admin rights' };

function when(at: string): string {
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at : instant.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
}

function statusText(line: ChecklistLine): string {
  const status = line.status;
  if (status.state === 'open') return 'Open';
  if (status.state === 'not-applicable') return `Not applicable: ${status.reason} (${status.by}, ${when(status.at)})`;
  const to = line.kind === 'handover' ? (status.handedTo ? ` to ${status.handedTo.displayName}` : ': no deputy now') : '';
  return `Done${to} by ${status.by}, ${when(status.at)}`;
}

function LineItem(props: { line: ChecklistLine; busy: boolean; act: (what: string, action: () => Promise<void>) => void; stored: StoredChecklist; data: PeopleData }) {
  const styles = useStyles();
  const { workspace } = useRegisterData();
  const { line, stored, data, busy, act } = props;
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [pickOpen, setPickOpen] = useState(false);
  const [picked, setPicked] = useState<PersonRef | null>(null);
  const open = line.status.state === 'open';
  const idBase = `line-${line.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const name = line.serviceTitle;

  return (
    <li className={styles.line} aria-labelledby={`${idBase}-title`}>
      <div className={styles.head}>
        <Text id={`${idBase}-title`} weight="semibold">{name}</Text>
        <Badge appearance="outline">{KIND_WORDS[line.kind]}{line.handoverRole ? `: ${line.handoverRole}` : ''}</Badge>
        <Badge appearance="tint" color={open ? 'warning' : 'success'}>{open ? 'Open' : line.status.state === 'done' ? 'Done' : 'Not applicable'}</Badge>
      </div>
      <Text>{line.instruction}</Text>
      {!open ? <Text size={200} className={styles.muted}>{statusText(line)}</Text> : null}
      {open ? (
        <div className={styles.actions}>
          {line.kind === 'handover' ? (
            <>
              {line.suggestedTo ? (
                <Button data-next-action="" disabled={busy} onClick={() => act(`${name} handed over to ${line.suggestedTo?.displayName}`, () => data.handOverLine(stored, line.key, line.suggestedTo ?? null))}>
                  Hand {name} to {line.suggestedTo.displayName}
                </Button>
              ) : null}
              {line.handoverRole === 'deputy' ? (
                <Button disabled={busy} onClick={() => act(`${name} has no deputy now`, () => data.handOverLine(stored, line.key, null))}>
                  Leave {name} without a deputy
                </Button>
              ) : null}
              <Button data-next-action={line.suggestedTo ? undefined : ''} disabled={busy} aria-expanded={pickOpen} onClick={() => setPickOpen((value) => !value)}>
                Pick someone else for {name}
              </Button>
            </>
          ) : (
            <Button appearance="primary" data-next-action="" disabled={busy} onClick={() => act(`${name} ticked`, () => data.tickLine(stored, line.key))}>
              Tick {name}
            </Button>
          )}
          <Button disabled={busy} aria-expanded={reasonOpen} onClick={() => setReasonOpen((value) => !value)}>Not applicable: {name}</Button>
        </div>
      ) : null}
      {open && pickOpen ? (
        <div className={styles.actions}>
          <OwnerPicker id={`${idBase}-pick`} label={`New ${line.handoverRole ?? 'owner'} for ${name}`} emptyText="Nobody chosen yet" value={picked}
            teamMembers={workspace.members} onChange={setPicked} />
          <Button disabled={busy || picked === null} onClick={() => picked && act(`${name} handed over to ${picked.displayName}`, () => data.handOverLine(stored, line.key, picked))}>
            Hand over {name}
          </Button>
        </div>
      ) : null}
      {open && reasonOpen ? (
        <div className={styles.actions}>
          <Field label={`Why ${name} does not apply`}>
            <Input id={`${idBase}-reason`} value={reason} onChange={(_event, value) => setReason(value.value)} />
          </Field>
          <Button disabled={busy || reason.trim() === ''} onClick={() => act(`${name} marked not applicable`, () => data.notApplicable(stored, line.key, reason))}>
            Save reason for {name}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function ChecklistPage(props: { stored: StoredChecklist; data: PeopleData; today: LocalDate; onBack: () => void; onPerson: (person: PersonRef) => void }) {
  const styles = useStyles();
  const { stored, data, today } = props;
  const { checklist } = stored;
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const progress = checklistProgress(checklist);
  const late = isChecklistPastDate(checklist, today);
  const kind = labelOf(CHECKLIST_KINDS, checklist.kind);

  // After a line is done its buttons go: focus moves on to the next open line's first action (or the
  // progress line when none is left), so a keyboard user never drops back to the top of the page.
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current || busy) return;
    moveFocus.current = false;
    const next = document.querySelector<HTMLElement>('[data-next-action]') ?? document.getElementById('checklist-progress');
    next?.focus();
  }, [checklist, busy]);

  function act(what: string, action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    moveFocus.current = true;
    action().then(
      () => setSaid(`${what}. Saved.`),
      (error: unknown) => {
        moveFocus.current = false;
        setProblem(problemText(error));
      },
    ).finally(() => setBusy(false));
  }

  return (
    <section className={styles.page} aria-labelledby="checklist-heading">
      <div>
        <Button onClick={props.onBack}>Back to People and access</Button>
      </div>
      <Text as="h3" id="checklist-heading" tabIndex={-1} size={500} weight="semibold">
        {kind} checklist: {checklist.person.displayName}
      </Text>
      <Text>
        {CHECKLIST_DATE_LABELS[checklist.kind]}: {formatLocalDate(checklist.date)} · Role: {labelOf(STAFF_ROLES, checklist.role)}
        {checklist.previousRole ? ` (was ${labelOf(STAFF_ROLES, checklist.previousRole)})` : ''} · Started by {checklist.createdBy}
      </Text>
      <div className={styles.head}>
        <Text id="checklist-progress" tabIndex={-1} role="status" aria-live="polite">
          {progress.open === 0 ? 'Complete: every line is done or not applicable.' : `${progress.open} of ${progress.total} lines open`}
        </Text>
        {late ? <Badge appearance="filled" color="danger">Past its date</Badge> : null}
        <Button appearance="subtle" onClick={() => props.onPerson(checklist.person)}>{checklist.person.displayName}’s page</Button>
      </div>
      {problem ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Not saved: {problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text aria-live="polite" size={200} className={styles.muted}>{said}</Text>
      <ul className={styles.list} aria-label={`Lines of the ${kind.toLowerCase()} checklist`}>
        {checklist.lines.map((line) => (
          <LineItem key={line.key} line={line} busy={busy} act={act} stored={stored} data={data} />
        ))}
      </ul>
    </section>
  );
}
