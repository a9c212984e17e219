/**
 * One kind of network (PCN, or the ICB's review) as the practice sees it: who it has opted in to,
 * or withdrawn from, with who and when; the opt-in form; and "Withdraw", confirmed first.
 */
import { useEffect, useId, useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { formatLocalDate, type LocalDate } from '@domain';
import type { NetworkKind, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { ErrorState } from '../../../components/StatusViews';
import { describeError } from '../../../state/describeError';
import { kindName, withdrawFrom } from './joinNetwork';
import { OptInForm } from './OptInForm';
import type { JoinedTeams } from './useJoinedTeams';
import type { MembershipState } from './useMemberships';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface MembershipSectionProps {
  readonly client: GraphClient;
  readonly kind: NetworkKind;
  readonly state: MembershipState;
  readonly onReload: () => void;
  readonly onChanged: (membership: NetworkMembership) => void;
  readonly practiceSiteId: string;
  readonly today: LocalDate;
  readonly me: string;
  /** False for a member who is not a team owner: they see the state but cannot change it. */
  readonly canManage: boolean;
  readonly teams: JoinedTeams;
  readonly onRetryTeams: () => void;
}

export function membershipWords(membership: NetworkMembership | null, kind: NetworkKind): string {
  if (membership === null) return kind === 'pcn' ? 'Not opted in to a PCN.' : "Not opted in to an ICB's digital review.";
  const when = `on ${formatLocalDate(membership.changedOn)}${membership.changedBy ? ` by ${membership.changedBy}` : ''}`;
  return membership.state === 'joined'
    ? `Opted in to ${membership.networkName} ${when}. Its readers can see your register, read-only.`
    : `Withdrawn from ${membership.networkName} ${when}. It no longer reads your register.`;
}

function WithdrawButton(props: MembershipSectionProps & { membership: NetworkMembership }) {
  const { membership } = props;
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<NetworkMembership | null>(null);
  // The section drops this button once the withdrawal shows: tell it only after the dialog has closed,
  // since unmounting an open Fluent dialog leaves aria-hidden behind (microsoft/fluentui#35139).
  const { onChanged } = props;
  useEffect(() => {
    if (open || !withdrawn) return;
    setWithdrawn(null);
    onChanged(withdrawn);
  }, [open, withdrawn, onChanged]);
  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      setWithdrawn(await withdrawFrom(props.client, props.practiceSiteId, membership, props.today, props.me));
      setOpen(false);
    } catch (error) {
      setProblem(`The withdrawal was not saved. ${describeError(error).message}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{`Withdraw from ${membership.networkName}`}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Withdraw from ${membership.networkName}?`}</DialogTitle>
          <DialogContent>
            <Text as="p">
              {`${membership.networkName} will stop reading your register at once. Also remove its team from your site's visitors, so its readers lose access to the site itself.`}
            </Text>
            {problem ? <MessageBar intent="error" role="alert"><MessageBarBody>{problem}</MessageBarBody></MessageBar> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={saving} onClick={() => void confirm()}>Withdraw</Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function MembershipSection(props: MembershipSectionProps) {
  const { kind, state } = props;
  const styles = useStyles();
  const id = useId();
  const title = kind === 'pcn' ? 'Primary Care Network (PCN)' : "ICB's annual digital review";
  const membership = state.kind === 'ready' ? state.membership : null;
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Text as="h3" id={`${id}-title`} size={400} weight="semibold">{title}</Text>
      {state.kind === 'loading' ? <Spinner size="tiny" labelPosition="after" label={`Checking your ${kindName(kind)} opt-in…`} /> : null}
      {state.kind === 'failed' ? <ErrorState title={`Could not read your ${kindName(kind)} opt-in`} error={state.error} onRetry={props.onReload} /> : null}
      {state.kind === 'ready' ? <Text role="status">{membershipWords(membership, kind)}</Text> : null}
      {state.kind === 'ready' && !props.canManage ? <Text>Only a team owner (the practice manager) can opt in or withdraw.</Text> : null}
      {state.kind === 'ready' && props.canManage && membership?.state === 'joined' ? (
        <div className={styles.bar}><WithdrawButton {...props} membership={membership} /></div>
      ) : null}
      {state.kind === 'ready' && props.canManage && membership?.state !== 'joined' ? (
        <OptInForm
          client={props.client}
          kind={kind}
          practiceSiteId={props.practiceSiteId}
          today={props.today}
          me={props.me}
          teams={props.teams}
          onRetryTeams={props.onRetryTeams}
          onJoined={props.onChanged}
        />
      ) : null}
    </section>
  );
}
