/**
 * The opt-in form for one kind of network: the network's team (from the signed-in person's teams)
 * and its SharePoint site address. The site is checked to be a network of this kind before the
 * opt-in is written (joinNetwork.ts); a refusal says why in plain words and writes nothing.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalDate } from '@domain';
import type { NetworkKind, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { describeError } from '../../../state/describeError';
import { JoinRefused, joinNetwork, kindName } from './joinNetwork';
import type { JoinedTeams } from './useJoinedTeams';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface OptInFormProps {
  readonly client: GraphClient;
  readonly kind: NetworkKind;
  readonly practiceSiteId: string;
  readonly today: LocalDate;
  readonly me: string;
  readonly teams: JoinedTeams;
  readonly onRetryTeams: () => void;
  readonly onJoined: (membership: NetworkMembership) => void;
}

const NO_TEAM = '';

export function OptInForm(props: OptInFormProps) {
  const { client, kind, teams } = props;
  const styles = useStyles();
  const id = useId();
  const [teamId, setTeamId] = useState(NO_TEAM);
  const [siteUrl, setSiteUrl] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = kindName(kind);
  const choices = teams.kind === 'ready' ? teams.teams : [];
  const team = choices.find((candidate) => candidate.id === teamId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblem(null);
    try {
      const saved = await joinNetwork(client, { kind, practiceSiteId: props.practiceSiteId, siteUrl, team, today: props.today, changedBy: props.me });
      props.onJoined(saved);
    } catch (error) {
      setProblem(error instanceof JoinRefused ? error.message : `The opt-in was not saved. ${describeError(error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <Text as="h4" id={`${id}-title`} weight="semibold">{`Opt in to your ${name}`}</Text>
      <Field
        label={`Your ${name}'s team`}
        hint={teams.kind === 'failed'
          ? `Your teams could not be listed (${describeError(teams.error).message}). The site address below is enough.`
          : "Leave it empty if you are not a member of the network's team: the site address is enough."}
      >
        <Dropdown
          placeholder={teams.kind === 'loading' ? 'Loading your teams…' : 'Choose a team'}
          selectedOptions={teamId === NO_TEAM ? [] : [teamId]}
          value={team?.displayName ?? ''}
          onOptionSelect={(_event, data) => setTeamId(data.optionValue ?? NO_TEAM)}
        >
          {choices.map((choice) => <Option key={choice.id} value={choice.id}>{choice.displayName}</Option>)}
        </Dropdown>
      </Field>
      {teams.kind === 'failed' ? <Button onClick={props.onRetryTeams}>List my teams again</Button> : null}
      <Field
        label={`Your ${name}'s SharePoint site address`}
        required
        hint="In the network's team, open Files, choose Open in SharePoint, and copy the address up to the site name, for example https://nhs.sharepoint.com/sites/NorthgatePCN."
      >
        <Input type="url" value={siteUrl} onChange={(_event, data) => setSiteUrl(data.value)} />
      </Field>
      {problem ? <MessageBar intent="error" role="alert"><MessageBarBody>{problem}</MessageBarBody></MessageBar> : null}
      <div className={styles.bar}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>{`Opt in to this ${name}`}</Button>
        {saving ? <Spinner size="tiny" labelPosition="after" label="Checking the site…" /> : null}
      </div>
    </form>
  );
}
