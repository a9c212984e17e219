/**
 * "Your PCN and ICB", for a practice's team: its opt-in to its Primary Care Network and to its ICB's
 * annual digital review, which only the practice gives or withdraws (it lives in the practice's own
 * settings), and the notes the network has left on its entries (docs/network.md).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalDate } from '@domain';
import type { NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { useGraphClient } from '../../../state/ApiContext';
import { useRegisterData } from '../../../state/registerData';
import type { Workspace } from '../../../state/workspace';
import { MembershipSection } from './MembershipSection';
import { NetworkNotes } from './NetworkNotes';
import { useJoinedTeams } from './useJoinedTeams';
import { useMembership } from './useMemberships';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
});

export const WHAT_THE_NETWORK_SEES =
  'A network you opt in to can read your register, read-only, straight from your own SharePoint site: no copy is kept anywhere else, and only your practice can change it.';

export const VISITORS_STEP =
  "For its readers to get in, a site owner must also add the network's team as visitors of your practice's SharePoint site (Site permissions, Read); the steps are in docs/network.md.";

function isOwner(workspace: Workspace): boolean {
  // The members are known once the workspace loads; if they could not be read, SharePoint still refuses a write by someone who may not make it.
  if (workspace.members.length === 0) return true;
  return workspace.members.some((member) => member.userId === workspace.me.id && member.roles.includes('owner'));
}

export function PracticeNetworkPanelView(props: { client: GraphClient; workspace: Workspace; today: LocalDate }) {
  const { client, workspace, today } = props;
  const styles = useStyles();
  const siteId = workspace.location.siteId;
  const pcn = useMembership(client, siteId, 'pcn');
  const icb = useMembership(client, siteId, 'icb');
  const teams = useJoinedTeams(client, workspace.team.id);
  const canManage = isOwner(workspace);
  const shared = { client, practiceSiteId: siteId, today, me: workspace.me.displayName, canManage, teams: teams.state, onRetryTeams: teams.reload };
  const joined = [pcn.state, icb.state]
    .map((state) => (state.kind === 'ready' ? state.membership : null))
    .filter((membership): membership is NetworkMembership => membership?.state === 'joined');

  return (
    <section className={styles.panel} aria-labelledby="practice-network-title">
      <Text as="h2" id="practice-network-title" size={500} weight="semibold">Your PCN and ICB</Text>
      <Text as="p">{WHAT_THE_NETWORK_SEES}</Text>
      <Text as="p">{VISITORS_STEP}</Text>
      <MembershipSection kind="pcn" state={pcn.state} onReload={pcn.reload} onChanged={pcn.replace} {...shared} />
      <MembershipSection kind="icb" state={icb.state} onReload={icb.reload} onChanged={icb.replace} {...shared} />
      <NetworkNotes client={client} memberships={joined} practiceSiteId={siteId} />
    </section>
  );
}

/** The panel in the tab: the client and the practice's workspace from the tab's contexts. */
export function PracticeNetworkPanel() {
  const client = useGraphClient();
  const { workspace, today } = useRegisterData();
  return <PracticeNetworkPanelView client={client} workspace={workspace} today={today} />;
}
