/**
 * The "PCN and ICB" view (issue 18). In a team set up as a network (a PCN, or an ICB's digital
 * team) it is the roll-up across the member practices' registers; in a practice team it is the
 * practice's own panel for opting in to its PCN and ICB, and a team owner may set the team up as a
 * network instead. Loaded on demand with its charting library (app/views.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { findNetworkHome, type NetworkHome } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { useRegisterData } from '../../state/registerData';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { PracticeNetworkPanel } from './practice/PracticeNetworkPanel';
import { NetworkRollup } from './NetworkRollup';
import { SetUpNetworkForm } from './SetUpNetworkForm';
import { isTeamOwner } from './teamOwner';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1400px' },
});

type Home = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; home: NetworkHome | null };

export function NetworkPage() {
  const styles = useStyles();
  const client = useGraphClient();
  const { workspace, today } = useRegisterData();
  const siteId = workspace.location.siteId;
  const [home, setHome] = useState<Home>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setHome({ kind: 'loading' });
    findNetworkHome(client, siteId).then(
      (found) => live && setHome({ kind: 'ready', home: found }),
      (error: unknown) => live && setHome({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, siteId, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  if (home.kind === 'loading') return <LoadingState label="Finding out whether this team is a PCN or ICB…" />;
  if (home.kind === 'failed') {
    return (
      <main className={styles.page}>
        <ErrorState title="Could not read this team's settings" error={home.error} onRetry={retry} />
      </main>
    );
  }
  if (home.home) return <NetworkRollup home={home.home} today={today} me={workspace.me} canManage={isTeamOwner(workspace)} />;
  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        PCN and ICB
      </Text>
      <PracticeNetworkPanel />
      {isTeamOwner(workspace) ? <SetUpNetworkForm siteId={siteId} onSetUp={(made) => setHome({ kind: 'ready', home: made })} /> : null}
    </main>
  );
}
