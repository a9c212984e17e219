/**
 * For a team owner in a team that is not yet a network: make this team a PCN (or an ICB's digital
 * team). Setting up creates the roster and notes lists in this team's site and records the
 * network's kind and name in its settings (setUpNetwork); nothing in any practice's site changes.
 */
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { NETWORK_KINDS, type NetworkKind } from '@domain/network';
import { setUpNetwork, type NetworkHome } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { ErrorState } from '../../components/StatusViews';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '520px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const NAME_MAX = 120;

export function SetUpNetworkForm(props: { siteId: string; onSetUp: (home: NetworkHome) => void }) {
  const styles = useStyles();
  const client = useGraphClient();
  const [kind, setKind] = useState<NetworkKind>('pcn');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setNameError('Enter the name of the PCN or ICB, for example "Northgate PCN".');
    if (trimmed.length > NAME_MAX) return setNameError(`Use at most ${NAME_MAX} characters.`);
    setNameError(null);
    setBusy(true);
    setFailure(null);
    setUpNetwork(client, props.siteId, { kind, name: trimmed }).then(
      (home) => props.onSetUp(home),
      (error: unknown) => {
        setFailure(error);
        setBusy(false);
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby="network-setup-heading">
      <Text as="h3" size={400} weight="semibold" id="network-setup-heading">
        Set up this team as a PCN or ICB
      </Text>
      <Text>
        Only for the team of a Primary Care Network or an ICB&apos;s digital team. It adds a list of member practices and a list of
        notes to this team&apos;s site. Each practice then opts in from its own tab; nothing is read from a practice that has not.
      </Text>
      <form className={styles.form} onSubmit={submit} noValidate>
        <RadioGroup aria-label="This team is a" value={kind} onChange={(_event, data) => setKind(data.value as NetworkKind)}>
          {NETWORK_KINDS.map((option) => (
            <Radio key={option.code} value={option.code} label={`${option.label} (${option.long})`} />
          ))}
        </RadioGroup>
        <Field label="Name" required validationState={nameError ? 'error' : 'none'} validationMessage={nameError ?? undefined}>
          <Input value={name} maxLength={NAME_MAX} onChange={(_event, data) => setName(data.value)} />
        </Field>
        {failure ? <ErrorState title="Could not set the team up" error={failure} /> : null}
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Set up'}
          </Button>
        </div>
      </form>
    </section>
  );
}
