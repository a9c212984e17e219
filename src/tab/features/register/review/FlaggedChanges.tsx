/**
 * Changes made by someone who is not a manager, waiting for a manager: each says who changed what
 * and when; a manager can Undo it or Keep it. Everyone else sees the list without the buttons (a
 * control that would not help them is not shown). Used on the register page (every flagged change,
 * deletions and imports included) and in an entry's History (that entry's changes).
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeAudit, type AuditRecord } from '@domain';
import type { RegisterStore } from '@graph';
import { useAudit } from '../../../state/auditData';
import { describeError } from '../../../state/describeError';
import { undoFlagged, type UndoOutcome } from './undoFlagged';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { flexGrow: 1, minWidth: '16rem' },
});

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
}

export function FlaggedChanges(props: { records: readonly AuditRecord[]; store: RegisterStore; onUndone: (outcome: UndoOutcome) => void }) {
  const styles = useStyles();
  const audit = useAudit();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (props.records.length === 0) return null;

  async function act(record: AuditRecord, how: 'undo' | 'keep') {
    setBusy(record.id);
    setFailure(null);
    try {
      if (how === 'undo') props.onUndone(await undoFlagged(props.store, audit, record));
      else await audit.resolve(record, 'kept');
    } catch (error) {
      setFailure(describeError(error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Changed by someone who is not a manager</MessageBarTitle>
        <Text as="p" block>
          By the practice&apos;s convention only managers change owners, delete services and import. These changes are
          recorded with who made them{audit.isManager ? '; undo or keep each one.' : ' and wait for a manager to review them.'}
        </Text>
        <ul className={styles.list} aria-label="Changes waiting for a manager">
          {props.records.map((record) => (
            <li key={record.id} className={styles.item}>
              <Text className={styles.text}>
                {describeAudit(record)}, {when(record.at)}.
              </Text>
              {audit.isManager ? (
                <>
                  <Button size="small" disabled={busy !== null} onClick={() => void act(record, 'undo')}>
                    Undo this change
                  </Button>
                  <Button size="small" appearance="subtle" disabled={busy !== null} onClick={() => void act(record, 'keep')}>
                    Keep it
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {failure ? (
          <Text role="alert" block>
            {failure}
          </Text>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
