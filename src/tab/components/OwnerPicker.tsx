/**
 * The owner picker: a labelled combobox that finds people in three places, in this order: the
 * practice's team (the cached member list, filtered on every keystroke with no request), people the
 * user works with (`/me/people`) and the NHS directory (`$search`), asked only after a pause in
 * typing. Each option shows the name, the line that tells namesakes apart (email, job, organisation)
 * and "In this practice" for team members. Status is announced politely; a throttled directory says
 * "Directory busy, try again" with a Retry button, and the typed text stays.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Badge, Button, Combobox, Field, Option, OptionGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { candidateEmail, describeCandidate, type PersonCandidate, type PersonRef, type PersonSource } from '@domain';
import { candidateFromTeamMember, listMyPeople, searchDirectory, type TeamMember } from '@graph';
import { useGraphClient } from '../state/ApiContext';
import { DirectorySearchController } from './OwnerPickerSearch';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  option: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  nameLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  second: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px', flexWrap: 'wrap' },
  chosen: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const GROUP_LABELS: Record<PersonSource, string> = { team: 'Practice team', people: 'People you work with', directory: 'NHS directory' };

export interface OwnerPickerProps {
  /** The input's id (the form's error summary links to it). */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly validationMessage?: string;
  readonly value: PersonRef | null;
  /** What "nobody chosen" reads as, e.g. "No owner yet". */
  readonly emptyText: string;
  readonly teamMembers: readonly TeamMember[];
  readonly onChange: (person: PersonRef | null) => void;
}

/** What is stored for a chosen person: Entra id, display name and UPN (or mail when there is no UPN). */
export function toPersonRef(candidate: PersonCandidate): PersonRef {
  return { entraId: candidate.id.toLowerCase(), displayName: candidate.displayName, upn: candidate.userPrincipalName || candidateEmail(candidate) };
}

function OptionContent({ candidate }: { candidate: PersonCandidate }) {
  const styles = useStyles();
  return (
    <span className={styles.option}>
      <span className={styles.nameLine}>
        <Text weight="semibold">{candidate.displayName || candidateEmail(candidate)}</Text>
        {candidate.inPractice ? (
          <Badge appearance="tint" color="brand" size="small">
            In this practice
          </Badge>
        ) : null}
      </span>
      <Text size={200} className={styles.second}>
        {describeCandidate(candidate)}
      </Text>
    </span>
  );
}

export function OwnerPicker(props: OwnerPickerProps) {
  const styles = useStyles();
  const client = useGraphClient();
  const team = useMemo(() => props.teamMembers.map(candidateFromTeamMember), [props.teamMembers]);
  const teamRef = useRef(team);
  teamRef.current = team;
  const [controller] = useState(
    () =>
      new DirectorySearchController({
        teamMembers: () => teamRef.current,
        searchDirectory: (query, signal) => searchDirectory(client, query, { signal }),
        searchPeople: (query, signal) => listMyPeople(client, query, signal, 5),
      }),
  );
  useEffect(() => controller.refreshTeam(), [controller, team]);
  useEffect(() => () => controller.dispose(), [controller]);
  const search = useSyncExternalStore(controller.subscribe, controller.getState);
  const [text, setText] = useState(props.value?.displayName ?? '');

  const byId = useMemo(() => new Map(search.results.map((candidate) => [candidate.id, candidate])), [search.results]);
  const groups = (['team', 'people', 'directory'] as const)
    .map((source) => ({ source, people: search.results.filter((candidate) => candidate.source === source) }))
    .filter((group) => group.people.length > 0);
  const statusId = `${props.id}-status`;
  const status = search.status === 'searching' ? 'Searching the NHS directory…' : search.message;

  return (
    <div className={styles.picker}>
      <div className={styles.chosen}>
        <Text>
          {props.value ? `Chosen: ${props.value.displayName || props.value.upn}${props.value.upn ? ` (${props.value.upn})` : ''}` : props.emptyText}
        </Text>
        {props.value ? (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              props.onChange(null);
              setText('');
              controller.onInput('');
            }}
          >
            Remove {props.label.toLowerCase()}
          </Button>
        ) : null}
      </div>
      {/* The Field holds the combobox alone, so its label and messages are wired to it. */}
      <Field label={props.label} hint={props.hint} validationMessage={props.validationMessage}>
        <Combobox
          id={props.id}
          freeform
          autoComplete="off"
          placeholder="Type a name or NHS.net email"
          value={text}
          selectedOptions={props.value ? [props.value.entraId] : []}
          onInput={(event) => {
            const typed = (event.target as HTMLInputElement).value;
            setText(typed);
            controller.onInput(typed);
          }}
          onOptionSelect={(_event, data) => {
            const candidate = data.optionValue ? byId.get(data.optionValue) : undefined;
            if (!candidate) return;
            props.onChange(toPersonRef(candidate));
            setText(candidate.displayName);
          }}
        >
          {groups.map((group) => (
            <OptionGroup key={group.source} label={GROUP_LABELS[group.source]}>
              {group.people.map((candidate) => (
                <Option key={candidate.id} value={candidate.id} text={candidate.displayName || candidateEmail(candidate)}>
                  <OptionContent candidate={candidate} />
                </Option>
              ))}
            </OptionGroup>
          ))}
        </Combobox>
      </Field>
      <div id={statusId} className={styles.status} aria-live="polite">
        {status ? <Text size={200}>{status}</Text> : null}
        {search.status === 'busy' || search.status === 'error' ? (
          <Button size="small" onClick={() => {
              controller.retry();
              // Back to the text box (which kept the text), so the answer can be browsed with the keyboard.
              document.getElementById(props.id)?.focus();
            }}>
            Retry
          </Button>
        ) : null}
      </div>
    </div>
  );
}
