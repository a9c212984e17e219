/**
 * Composes the features: sign in, find the practice's register, show it. Features never import
 * each other; this is the only place that passes one feature's result to the next.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SignIn, SignedInUser } from '../auth/types';
import { ApiProvider } from '../state/ApiContext';
import { AuditProvider } from '../state/auditData';
import { RegisterDataProvider } from '../state/registerData';
import { RegisterFiltersProvider } from '../state/registerFilters';
import { savedLocationFrom } from '../state/savedLocation';
import { clearSessionTraces } from './signOutTraces';
import type { Workspace } from '../state/workspace';
import { PracticeListsProvider } from '../state/practiceLists';
import { PracticeListsBanner } from '../components/PracticeListsNotice';
import { APP_HEADING_ID, AppHeader } from '../components/AppHeader';
import { BusyBanner } from '../components/BusyBanner';
import { OwnerLeftActionProvider } from '../components/OwnerLeftNote';
import type { TabConfig } from '../buildSettings';
import { PromoteDeputyButton } from '../features/owners/PromoteDeputyButton';
import { EntryListEditorsProvider } from '../components/entryListSlots';
import { ENTRY_LIST_EDITORS } from './entryEditors';
import { IncidentsHost } from '../features/incidents/IncidentsHost';
import { ChangeHost } from '../features/change/ChangeHost';
import { NetworkHost } from '../features/network/NetworkHost';
import { SignInPage } from '../features/signin/SignInPage';
import { WorkspaceSetup } from '../features/workspace/WorkspaceSetup';
import type { Host } from '../teams/detectHost';
import { HostProvider } from '../teams/hostContext';
import { londonDateOf } from '@domain';
import { applyHostDeepLink, isTabSetupPage } from './hostDeepLink';
import { lazyView } from './lazyView';
import { MainViews } from './MainViews';

/** The first-run setup page: needed once per team, so loaded only then. */
const TabSetupPage = lazyView(() => import('../features/tab-setup/TabSetupPage').then((module) => module.TabSetupPage), 'Loading the setup…');

export function App(props: { config: TabConfig; host: Host; signIn: SignIn }) {
  const { config, host, signIn } = props;
  const [user, setUser] = useState<SignedInUser | null>(() => signIn.currentUser());
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  // Today's London date, fixed per session of the tab: review states do not flicker at midnight mid-edit.
  const today = useMemo(() => londonDateOf(new Date()), []);
  const configuring = useMemo(() => isTabSetupPage(host), [host]);
  const workspaceHints = useMemo(
    () => ({
      hostTeam: host.kind === 'teams' && host.teamId ? { id: host.teamId, displayName: host.teamName ?? 'your practice' } : null,
      teamSiteUrl: host.kind === 'teams' ? host.teamSiteUrl : null,
      saved: savedLocationFrom(window.location.search),
      groupSiteLookup: config.groupSiteLookup,
      userKey: user?.upn,
    }),
    [host, config.groupSiteLookup, user?.upn],
  );
  // A Teams deep link to an entry becomes `?entry=<id>`, which the register opens.
  useEffect(() => applyHostDeepLink(host), [host]);

  // After signing in the sign-in button is gone, and focus would fall to the page body: it moves to
  // the main heading instead (WCAG 2.4.3), once the signed-in page has rendered.
  const focusHeadingNext = useRef(false);
  const signedIn = useCallback(() => {
    focusHeadingNext.current = true;
    setUser(signIn.currentUser());
  }, [signIn]);
  useEffect(() => {
    if (!user || !focusHeadingNext.current) return;
    focusHeadingNext.current = false;
    document.getElementById(APP_HEADING_ID)?.focus();
  }, [user]);
  const signOut = useCallback(async () => {
    // Everything this person left in the browser goes first: a shared practice PC keeps nothing of theirs.
    clearSessionTraces();
    setWorkspace(null);
    setUser(null);
    await signIn.signOut();
  }, [signIn]);
  const header = useMemo(
    () => (
      <AppHeader
        practiceName={workspace?.team.displayName}
        userName={workspace?.me.displayName ?? user?.displayName}
        onSignOut={user ? () => void signOut() : undefined}
      />
    ),
    [workspace, user, signOut],
  );

  if (!user) {
    return (
      <>
        {header}
        <SignInPage signIn={signIn} onSignedIn={signedIn} />
      </>
    );
  }
  return (
    // Keyed by user so signing in as someone else starts with a fresh client and workspace.
    <HostProvider value={host}>
    <ApiProvider key={user.upn} baseUrl={config.graphBaseUrl} tokenSource={signIn.tokenSource}>
      {header}
      <BusyBanner />
      {configuring ? (
        <TabSetupPage host={host} groupSiteLookup={config.groupSiteLookup} />
      ) : workspace ? (
        <PracticeListsProvider workspace={workspace}>
        <RegisterDataProvider workspace={workspace} today={today}>
          <AuditProvider workspace={workspace}>
            <RegisterFiltersProvider>
              <OwnerLeftActionProvider action={PromoteDeputyButton}>
              <EntryListEditorsProvider value={ENTRY_LIST_EDITORS}>
                <PracticeListsBanner readOnly={workspace.readOnly} />
                <IncidentsHost config={config} tokenSource={signIn.tokenSource}>
                  <ChangeHost>
                    <NetworkHost>
                      <MainViews />
                    </NetworkHost>
                  </ChangeHost>
                </IncidentsHost>
              </EntryListEditorsProvider>
              </OwnerLeftActionProvider>
            </RegisterFiltersProvider>
          </AuditProvider>
        </RegisterDataProvider>
        </PracticeListsProvider>
      ) : (
        <WorkspaceSetup hints={workspaceHints} onReady={setWorkspace} />
      )}
    </ApiProvider>
    </HostProvider>
  );
}
