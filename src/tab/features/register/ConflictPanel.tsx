/**
 * Shown when someone else saved the entry after this form opened: which fields differ, their
 * version beside yours, and an explicit choice. Nothing is overwritten until the user chooses.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RegisterEntry } from '../../../domain';
import { FORM_LABELS, differingFields, displayValue } from './entryFields';
import type { Conflict } from './useEntryEditor';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface ConflictPanelProps {
  readonly conflict: Conflict;
  readonly yours: RegisterEntry;
  readonly busy: boolean;
  readonly onKeepMine: () => void;
  readonly onUseTheirs: () => void;
}

export function ConflictPanel({ conflict, yours, busy, onKeepMine, onUseTheirs }: ConflictPanelProps) {
  const styles = useStyles();
  const { current } = conflict;
  if (!current) {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Someone else deleted this service</MessageBarTitle>
          It was deleted after you opened it, so your changes were not saved. You can save your version as a new entry.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onKeepMine} disabled={busy}>
            Save mine as new
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const fields = differingFields(current.entry, yours);
  const who = current.modifiedBy || 'someone else';
  return (
    <div className={styles.panel} role="alert">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{who} changed this service while you were editing</MessageBarTitle>
          Your changes have not been saved. Compare the two versions and choose which to keep.
        </MessageBarBody>
      </MessageBar>
      <Table aria-label="Differences between their version and yours" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Field</TableHeaderCell>
            <TableHeaderCell>Theirs</TableHeaderCell>
            <TableHeaderCell>Yours</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell>{FORM_LABELS[field]}</TableCell>
              <TableCell className={styles.value}>{displayValue(current.entry, field)}</TableCell>
              <TableCell className={styles.value}>{displayValue(yours, field)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button appearance="primary" onClick={onKeepMine} disabled={busy}>
          Keep mine
        </Button>{' '}
        <Button onClick={onUseTheirs} disabled={busy}>
          Use theirs
        </Button>
      </div>
    </div>
  );
}
