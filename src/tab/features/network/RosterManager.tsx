/**
 * "Member practices": the network's roster. Everyone sees who is on it and whether each practice
 * has opted in; a team owner adds a practice by its SharePoint site address (the site is looked up,
 * so a mistyped address is caught before anything is written) and removes one after confirming.
 * Adding a practice reads nothing of its register until the practice opts in from its own tab.
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { GraphError } from '@graph';
import type { PracticeLoad } from '@domain/network';
import { addToRoster, removeFromRoster, resolvePracticeSite, type NetworkHome, type StoredMemberPractice } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { ErrorState } from '../../components/StatusViews';
import { siteUrlProblem } from './siteAddress';
import { useReadRowStyles } from './readRowStyles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  url: { minWidth: 'min(100%, 420px)' },
  submit: { marginTop: '26px' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere' },
});

const STATE_TEXT: Record<PracticeLoad['state'], string> = {
  loaded: 'Opted in',
  'not-opted-in': 'Not opted in',
  unavailable: 'Unavailable',
};

export interface RosterManagerProps {
  readonly home: NetworkHome;
  readonly roster: readonly StoredMemberPractice[];
  readonly loads: readonly PracticeLoad[];
  readonly canManage: boolean;
  /** The signed-in person's name, recorded as who added a practice. */
  readonly me: string;
  readonly onAdded: (stored: StoredMemberPractice) => void;
  readonly onRemoved: (itemId: string) => void;
}

export function RosterManager(props: RosterManagerProps) {
  const readRow = useReadRowStyles();
  const styles = useStyles();
  const client = useGraphClient();
  const [removing, setRemoving] = useState<StoredMemberPractice | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const stateOf = (key: string) => props.loads.find((load) => load.practice.key === key)?.state;

  const confirmRemove = () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    removeFromRoster(client, props.home, removing.itemId).then(
      () => {
        props.onRemoved(removing.itemId);
        setRemoving(null);
        setBusy(false);
      },
      (error: unknown) => {
        setRemoveError(error);
        setBusy(false);
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby="roster-heading">
      <Text as="h3" size={400} weight="semibold" id="roster-heading">
        Member practices
      </Text>
      {props.roster.length === 0 ? <Text>No practices yet.{props.canManage ? ' Add the first one below.' : ''}</Text> : null}
      {props.roster.length > 0 ? (
        <Table aria-label="Member practices" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Practice</TableHeaderCell>
              <TableHeaderCell>Site</TableHeaderCell>
              <TableHeaderCell>Opted in</TableHeaderCell>
              {props.canManage ? <TableHeaderCell>Remove</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.roster.map((stored) => {
              const state = stateOf(stored.practice.key);
              return (
                <TableRow className={readRow.row} key={stored.itemId}>
                  <TableCell className={styles.cell}>{stored.practice.name}</TableCell>
                  <TableCell className={styles.cell}>{stored.practice.siteUrl}</TableCell>
                  <TableCell className={styles.cell}>{state ? STATE_TEXT[state] : 'Loading…'}</TableCell>
                  {props.canManage ? (
                    <TableCell className={styles.cell}>
                      <Button size="small" onClick={() => setRemoving(stored)}>{`Remove ${stored.practice.name}`}</Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {props.canManage ? <AddPracticeForm {...props} /> : <Text>Only the team&apos;s owners add or remove practices.</Text>}
      <Dialog open={removing !== null} onOpenChange={(_event, data) => (data.open ? undefined : setRemoving(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove {removing?.practice.name} from the network?</DialogTitle>
            <DialogContent>
              <Text>
                The roll-up stops reading its register. The practice&apos;s register and its opt-in are not changed; the notes already left
                for it stay in this team&apos;s list.
              </Text>
              {removeError ? <ErrorState title="The practice was not removed" error={removeError} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={confirmRemove}>
                Remove
              </Button>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function AddPracticeForm(props: RosterManagerProps) {
  const styles = useStyles();
  const client = useGraphClient();
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const why = siteUrlProblem(url);
    setAdded(null);
    setFailure(null);
    if (why) return setProblem(why);
    setProblem(null);
    setBusy(true);
    void (async () => {
      try {
        const site = await resolvePracticeSite(client, url.trim());
        const stored = await addToRoster(client, props.home, {
          key: site.siteId,
          name: site.name,
          siteUrl: site.webUrl,
          teamId: '',
          odsCode: '',
          // addToRoster looks the practice's settings list up ('' when its site cannot be read yet).
          settingsListId: '',
          addedBy: props.me,
          addedAt: new Date().toISOString(),
        });
        props.onAdded(stored);
        setUrl('');
        setAdded(`Added ${stored.practice.name}. Its register is read once the practice opts in from its own tab.`);
      } catch (error: unknown) {
        const words = lookupWords(error);
        if (words) setProblem(words);
        else setFailure(error);
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-labelledby="roster-add-heading">
      <Text as="h4" size={300} weight="semibold" id="roster-add-heading">
        Add a practice
      </Text>
      <div className={styles.form}>
        <Field
          className={styles.url}
          label="Practice site URL"
          hint="The practice team's SharePoint site, for example https://contoso.sharepoint.com/sites/riverside"
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem ?? undefined}
        >
          <Input type="url" value={url} onChange={(_event, data) => setUrl(data.value)} />
        </Field>
        <Button className={styles.submit} type="submit" appearance="primary" disabled={busy}>
          Add practice
        </Button>
      </div>
      {failure ? <ErrorState title="The practice was not added" error={failure} /> : null}
      {added ? <Text role="status">{added}</Text> : null}
    </form>
  );
}

/** A failed site lookup in words tied to the address typed; null for anything else. */
function lookupWords(error: unknown): string | null {
  if (error instanceof GraphError && error.status === 404) return 'No SharePoint site was found at that address. Check it in the practice team\'s "Open in SharePoint" link.';
  if (error instanceof GraphError && error.status === 403) {
    return "You, or this app, cannot read that site. Ask the practice to add this team as a visitor of its site first (docs/network.md).";
  }
  if (error instanceof GraphError && error.status === 400) return 'That address is not a SharePoint site address.';
  return null;
}
