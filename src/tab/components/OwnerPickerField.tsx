/**
 * The owner and deputy fields of the entry form, with the OwnerPicker for everyone. Changing owners
 * is a practice convention for managers (team owners), not a permission SharePoint enforces (team
 * members have Edit on the list), so the field does not pretend otherwise: for anyone else it says
 * that the change will be recorded with their name and flagged for a manager, who can undo it from
 * History (src/domain/audit.ts). When the owner has left, the field says why (deleted / disabled /
 * no longer in the team) and offers the manager "Make <deputy> the owner" (saved with If-Match).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ownerLeftLabel, ownerLeftMessage, personKey, promoteDeputy, type RegisterEntry } from '@domain';
import type { TeamMember } from '@graph';
import { useRegisterData } from '../state/registerData';
import { isTeamOwner } from '../state/ownerPresence';
import { OwnerPicker } from './OwnerPicker';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Shown to everyone who is not a manager, under the owner and deputy fields. */
export const STAFF_OWNER_NOTE =
  'By the practice’s convention managers (team owners) assign owners. If you change it, the change is recorded with your name and flagged for a manager to review.';

export interface OwnerPickerFieldProps {
  readonly field: 'owner' | 'deputy';
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly entry: RegisterEntry;
  readonly members: readonly TeamMember[];
  readonly onChange: (patch: Partial<RegisterEntry>) => void;
}

export function OwnerPickerField(props: OwnerPickerFieldProps) {
  const styles = useStyles();
  const { workspace, state } = useRegisterData();
  const { field, entry } = props;
  const person = entry[field];
  const empty = field === 'owner' ? 'No owner yet' : 'No deputy yet';
  const manager = isTeamOwner(workspace.me.id, props.members);
  const wanted = person ? personKey(person.entraId) : '';
  const reason =
    field === 'owner' && state.kind === 'ready' && wanted !== ''
      ? (state.rows.find((row) => row.ownerLeft && personKey(row.stored.entry.owner?.entraId ?? '') === wanted)?.ownerLeft ?? null)
      : null;
  const inTeam = person === null || props.members.some((member) => personKey(member.userId) === wanted);

  const left = reason ? (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <strong>{ownerLeftLabel(reason)}.</strong> {ownerLeftMessage(reason)}
        {manager && entry.deputy ? ' Promote the deputy, then Save.' : manager ? ' Choose a new owner.' : ' A manager can reassign it.'}
      </MessageBarBody>
      {manager && entry.deputy ? (
        <MessageBarActions>
          <Button onClick={() => props.onChange(promoteDeputy(entry))}>Make {entry.deputy.displayName} the owner</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  ) : null;

  return (
    <div className={styles.field}>
      <OwnerPicker
        id={props.id}
        label={props.label}
        hint={manager ? props.hint : STAFF_OWNER_NOTE}
        validationMessage={props.error}
        value={person}
        emptyText={empty}
        teamMembers={props.members}
        onChange={(chosen) => props.onChange({ [field]: chosen } as Partial<RegisterEntry>)}
      />
      {field === 'owner' && !reason && !inTeam ? (
        <Text size={200} className={styles.note}>
          Not a member of the practice team: the service shows “owner left” until they join the team.
        </Text>
      ) : null}
      {left}
    </div>
  );
}
