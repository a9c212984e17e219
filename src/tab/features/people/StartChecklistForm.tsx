/**
 * Start a joiner, leaver or role-change checklist for a person picked from the directory (the owner
 * picker), with its date and role. The checklist is built from the register as it is now
 * (src/domain/access buildChecklist) and saved with a key made once per form, so a double click or
 * a retry after a lost answer never makes two.
 */
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CHECKLIST_DATE_LABELS,
  CHECKLIST_KINDS,
  STAFF_ROLES,
  buildChecklist,
  type ChecklistKind,
  type StaffRole,
  type StoredChecklist,
} from '@domain/access';
import { isLocalDate, type PersonRef } from '@domain';
import { OwnerPicker } from '../../components/OwnerPicker';
import { problemText } from './problemText';
import { useRegisterData } from '../../state/registerData';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export function StartChecklistForm(props: { onStart: (checklist: ReturnType<typeof buildChecklist>) => Promise<StoredChecklist>; onStarted: (stored: StoredChecklist) => void }) {
  const styles = useStyles();
  const { workspace, state, today } = useRegisterData();
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [kind, setKind] = useState<ChecklistKind>('leaver');
  const [role, setRole] = useState<StaffRole>('all-staff');
  const [previousRole, setPreviousRole] = useState<StaffRole>('all-staff');
  const [date, setDate] = useState(today);
  const [key, setKey] = useState(() => `chk-${crypto.randomUUID()}`);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const personError = tried && person === null ? 'Pick the person from the directory.' : undefined;
  const dateError = tried && !isLocalDate(date) ? 'Enter the date.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (person === null || !isLocalDate(date) || state.kind !== 'ready') return;
    setBusy(true);
    setProblem(null);
    try {
      const register = state.rows.map((row) => row.stored);
      const checklist = buildChecklist(
        { key, kind, person, role, previousRole: kind === 'role-change' ? previousRole : null, date, createdBy: workspace.me.displayName, createdAt: new Date().toISOString() },
        register,
      );
      const stored = await props.onStart(checklist);
      setKey(`chk-${crypto.randomUUID()}`);
      setPerson(null);
      setTried(false);
      props.onStarted(stored);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="start-checklist-heading">
      <Text as="h3" id="start-checklist-heading" size={400} weight="semibold">
        Start a checklist
      </Text>
      <OwnerPicker id="checklist-person" label="Person" emptyText="Nobody chosen yet" value={person} teamMembers={workspace.members}
        validationMessage={personError} onChange={setPerson} />
      <div className={styles.row}>
        <Field label="Kind">
          <Select id="checklist-kind" value={kind} onChange={(_event, data) => setKind(data.value as ChecklistKind)}>
            {CHECKLIST_KINDS.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
          </Select>
        </Field>
        <Field label={CHECKLIST_DATE_LABELS[kind]} validationMessage={dateError}>
          <Input id="checklist-date" type="date" value={date} onChange={(_event, data) => setDate(data.value)} />
        </Field>
        <Field label={kind === 'role-change' ? 'New role' : 'Role'} hint="Services the register marks for other roles are left out (leavers: every service).">
          <Select id="checklist-role" value={role} onChange={(_event, data) => setRole(data.value as StaffRole)}>
            {STAFF_ROLES.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
          </Select>
        </Field>
        {kind === 'role-change' ? (
          <Field label="Previous role">
            <Select id="checklist-previous-role" value={previousRole} onChange={(_event, data) => setPreviousRole(data.value as StaffRole)}>
              {STAFF_ROLES.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
            </Select>
          </Field>
        ) : null}
      </div>
      {problem ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The checklist was not started: {problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || state.kind !== 'ready'}>
          {busy ? <Spinner size="extra-tiny" label="Starting…" /> : 'Start checklist'}
        </Button>
      </div>
    </form>
  );
}
