/**
 * The sign-in page. Emulator mode: choose one of the demo practice's people. Microsoft mode (MSAL):
 * first resume silently (a returning redirect, or the account Teams is signed in with), else one
 * "Sign in with Microsoft" button. The rest of the tab only sees `SignIn`.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SignIn, SignInUser } from '../../auth/types';
import { ErrorState, LoadingState } from '../../components/StatusViews';

const useStyles = makeStyles({
  page: { maxWidth: '32rem', margin: '0 auto', padding: tokens.spacingHorizontalL },
  list: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  person: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  role: { color: tokens.colorNeutralForeground3 },
});

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'microsoft' }
  | { readonly kind: 'ready'; readonly users: readonly SignInUser[] }
  | { readonly kind: 'failed'; readonly error: unknown };

export function SignInPage(props: { signIn: SignIn; onSignedIn: () => void }) {
  const { signIn, onSignedIn } = props;
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [pendingUpn, setPendingUpn] = useState<string | null>(null);
  const [signInError, setSignInError] = useState<unknown>(null);

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    if (signIn.method === 'microsoft') {
      signIn.restore().then(
        (user) => (user ? onSignedIn() : setState({ kind: 'microsoft' })),
        (error: unknown) => setState({ kind: 'failed', error }),
      );
      return;
    }
    signIn.listUsers().then(
      (users) => setState({ kind: 'ready', users }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [signIn, onSignedIn]);
  useEffect(load, [load]);

  async function choose(user?: SignInUser) {
    setPendingUpn(user?.upn ?? 'microsoft');
    setSignInError(null);
    try {
      await signIn.signIn(user);
      onSignedIn();
    } catch (error) {
      setSignInError(error);
      setPendingUpn(null);
    }
  }

  return (
    <main className={styles.page}>
      <Card>
        <Text as="h2" weight="semibold" size={500}>
          Sign in
        </Text>
        {signIn.method === 'choose-user' ? (
          <Text>This is the local demo. Choose who to sign in as; each person sees the register as their role allows.</Text>
        ) : (
          <Text>Sign in with your work account (for NHSmail, your @nhs.net address) to open your practice&apos;s register.</Text>
        )}
        {state.kind === 'loading' ? (
          <LoadingState label={signIn.method === 'microsoft' ? 'Checking your sign-in…' : 'Loading the demo users…'} />
        ) : null}
        {state.kind === 'microsoft' ? (
          <Button appearance="primary" disabled={pendingUpn !== null} onClick={() => void choose()}>
            {pendingUpn ? 'Signing in…' : 'Sign in with Microsoft'}
          </Button>
        ) : null}
        {state.kind === 'failed' ? <ErrorState title="Could not load the users" error={state.error} onRetry={load} /> : null}
        {signInError ? <ErrorState title="Could not sign in" error={signInError} /> : null}
        {state.kind === 'ready' ? (
          <ul className={styles.list} aria-label="Demo users">
            {state.users.map((user) => (
              <li key={user.upn}>
                <Button
                  className={styles.person}
                  appearance="secondary"
                  disabled={pendingUpn !== null}
                  onClick={() => void choose(user)}
                >
                  {/* The visible words are the accessible name (WCAG 2.5.3 label in name): no aria-label. */}
                  <span>
                    <Text weight="semibold">Sign in as {user.displayName}</Text>
                    <br />
                    <Text size={200} className={styles.role}>
                      {user.role} · {user.upn}
                    </Text>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </main>
  );
}
