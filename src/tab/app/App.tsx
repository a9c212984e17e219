/**
 * Composes the features: sign in, find the practice's register, show it. Features never import
 * each other; this is the only place that passes one feature's result to the next.
 */
import { useCallback, useMemo, useState } from 'react';
import type { SignIn, SignedInUser } from '../auth/types';
import { ApiProvider } from '../api/ApiContext';
import type { Workspace } from '../api/workspace';
import { AppHeader } from '../components/AppHeader';
import type { TabConfig } from '../config';
import { RegisterPage } from '../features/register/RegisterPage';
import { SignInPage } from '../features/signin/SignInPage';
import { WorkspaceSetup } from '../features/workspace/WorkspaceSetup';
import type { Host } from '../teams/detectHost';

export function App(props: { config: TabConfig; host: Host; signIn: SignIn }) {
  const { config, host, signIn } = props;
  const [user, setUser] = useState<SignedInUser | null>(() => signIn.currentUser());
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const preferredTeamId = host.kind === 'teams' ? host.teamId : null;

  const signedIn = useCallback(() => setUser(signIn.currentUser()), [signIn]);
  const signOut = useCallback(async () => {
    await signIn.signOut();
    setWorkspace(null);
    setUser(null);
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
    <ApiProvider key={user.upn} baseUrl={config.graphBaseUrl} tokenSource={signIn.tokenSource}>
      {header}
      {workspace ? (
        <RegisterPage workspace={workspace} />
      ) : (
        <WorkspaceSetup preferredTeamId={preferredTeamId} onReady={setWorkspace} />
      )}
    </ApiProvider>
  );
}
