/**
 * The local sign-in (emulator mode): choose one of the demo practice's people. Real sign-in
 * (MSAL) replaces this screen in a later issue; the rest of the tab only sees `SignIn`.
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
    signIn.listUsers().then(
      (users) => setState({ kind: 'ready', users }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [signIn]);
  useEffect(load, [load]);

  async function choose(user: SignInUser) {
    setPendingUpn(user.upn);
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
        <Text>
          This is the local demo. Choose who to sign in as; each person sees the register as their role allows.
        </Text>
        {state.kind === 'loading' ? <LoadingState label="Loading the demo users…" /> : null}
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
                  aria-label={`Sign in as ${user.displayName}, ${user.role}`}
                  onClick={() => void choose(user)}
                >
                  <span>
                    <Text weight="semibold">{user.displayName}</Text>
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
