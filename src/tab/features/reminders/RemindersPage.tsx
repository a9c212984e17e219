/**
 * Review reminders from the tab: everyone sees the digest the practice channel would get today;
 * a team owner (the practice's managers) can also post it to a channel now, as themselves.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { preferredDigestChannel } from '@graph/teams';
import { useRegisterData } from '../../state/registerData';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { DigestPreview } from './DigestPreview';
import { PostOutcome } from './PostOutcome';
import { buildTabDigest, isTeamOwner } from './tabDigest';
import { ownerHasLeftIn } from '../../state/registerRows';
import { useAudit } from '../../state/auditData';
import { changesToReview as changesToReviewLines } from '@domain';
import { useDeepLinkIds } from '../../teams/hostContext';
import { useChannels } from './useChannels';
import { usePostDigest } from './usePostDigest';
import { useOverdueChecklists } from './useOverdueChecklists';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

export function RemindersPage() {
  const styles = useStyles();
  const { workspace, today, state, reload } = useRegisterData();
  const channels = useChannels(workspace.team.id);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [checkedChannel, setCheckedChannel] = useState(false);
  const { state: postState, post } = usePostDigest();
  // In Teams, deep links name this app's real id and tab; the local defaults serve the emulator.
  const deepLinkIds = useDeepLinkIds();
  const manager = isTeamOwner(workspace.members, workspace.me.id);

  const list = channels.state.kind === 'ready' ? channels.state.channels : [];
  const channel = list.find((c) => c.id === chosenId) ?? preferredDigestChannel(list);
  const entries = useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored) : []), [state]);
  const audit = useAudit();
  const changesToReview = useMemo(() => changesToReviewLines(audit.records), [audit.records]);
  const overdueChecklists = useOverdueChecklists(workspace.location.siteId, today);
  const built = useMemo(
    () =>
      buildTabDigest({
        teamId: workspace.team.id,
        practiceName: workspace.team.displayName,
        today,
        entries,
        members: workspace.members,
        // The Register's owner status (directory and team), so the preview agrees with every other view.
        ownerHasLeft: ownerHasLeftIn(state.kind === 'ready' ? state.rows : []),
        channelId: channel?.id ?? '',
        changesToReview,
        overdueChecklists,
        ...deepLinkIds,
      }),
    [workspace, today, entries, state, channel, deepLinkIds, changesToReview, overdueChecklists],
  );

  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="The register could not be loaded" error={state.error} onRetry={reload} />;

  const needsCheck = postState.kind === 'unknown';
  const canPost =
    manager && channel !== null && (built.reminders.length > 0 || changesToReview.length > 0 || overdueChecklists.length > 0) && postState.kind !== 'posting' && postState.kind !== 'posted' && (!needsCheck || checkedChannel);

  return (
    <div className={styles.page}>
      <h2 className={styles.heading}>Review reminders</h2>
      <Text>
        The reminder service posts this digest to the practice channel on its schedule, and tells each owner in their Teams
        activity feed. Below is what it would say today: {built.reminders.length === 1 ? '1 reminder' : `${built.reminders.length} reminders`}.
      </Text>
      {manager ? (
        <div className={styles.actions}>
          {channels.state.kind === 'failed' ? (
            <ErrorState title="The team's channels could not be loaded" error={channels.state.error} onRetry={channels.reload} />
          ) : (
            <Field label="Post to channel">
              <Select value={channel?.id ?? ''} disabled={list.length === 0} onChange={(_event, data) => setChosenId(data.value)}>
                {list.length === 0 ? <option value="">Loading channels…</option> : null}
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button appearance="primary" disabled={!canPost} onClick={() => channel && void post(workspace.team.id, channel, built.digest)}>
            {needsCheck ? 'Post again' : 'Post to channel now'}
          </Button>
        </div>
      ) : (
        <Text role="note">Only the practice's team owners can post the digest to the channel. You can see what it will say.</Text>
      )}
      {manager && built.reminders.length === 0 ? <Text role="note">Nothing is due, so there is nothing to post.</Text> : null}
      {needsCheck ? (
        <Checkbox
          checked={checkedChannel}
          onChange={(_event, data) => setCheckedChannel(data.checked === true)}
          label="I have checked the channel and the digest is not there"
        />
      ) : null}
      <div aria-live="polite">
        <PostOutcome state={postState} channel={channel} />
      </div>
      <DigestPreview digest={built.digest} all={built.reminders} practiceName={workspace.team.displayName} runDate={today} changesToReview={changesToReview} overdueChecklists={overdueChecklists} />
    </div>
  );
}
