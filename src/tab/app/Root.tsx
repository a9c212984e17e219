/**
 * The page's root: validates the build settings, detects the host, then shows the app in the
 * Teams theme. A bad setting is shown on screen, listing every problem at once.
 */
import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { createSignIn } from '../auth/createSignIn';
import { loadConfig, type TabConfig } from '../buildSettings';
import { LoadingState } from '../components/StatusViews';
import { detectHost, type Host, type HostTheme } from '../teams/detectHost';
import { App } from './App';
import { themeFor, useHostTheme } from './theme';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });
const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  problems: { whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' },
  padded: { padding: tokens.spacingHorizontalL },
});

type Start = { readonly kind: 'ok'; readonly config: TabConfig } | { readonly kind: 'bad'; readonly error: Error };

function start(): Start {
  try {
    const config = loadConfig();
    createSignIn(config); // an unsupported AUTH_MODE is a build problem: report it with the others
    return { kind: 'ok', config };
  } catch (error) {
    return { kind: 'bad', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

export function Root(props: { theme?: HostTheme }) {
  useGlobalStyles();
  const styles = useStyles();
  const started = useMemo(start, []);
  const [host, setHost] = useState<Host | null>(null);
  useEffect(() => void detectHost().then(setHost), []);
  // The host decides the sign-in: Nested App Authentication in Teams, redirect in a browser.
  const signIn = useMemo(() => (started.kind === 'ok' && host ? createSignIn(started.config, host) : null), [started, host]);
  const theme = themeFor(useHostTheme(host, props.theme));

  return (
    // The page background lives on an inner element: FluentProvider copies its own className onto
    // portal mount nodes, so a full-height class there would cover the page whenever a popup opens.
    <FluentProvider theme={theme}>
      <div className={styles.provider}>
        {started.kind === 'bad' ? (
          <div className={styles.padded}>
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>The register cannot start</MessageBarTitle>
                <pre className={styles.problems}>{started.error.message}</pre>
              </MessageBarBody>
            </MessageBar>
          </div>
        ) : host && signIn ? (
          <App config={started.config} host={host} signIn={signIn} />
        ) : (
          <LoadingState label="Starting…" />
        )}
      </div>
    </FluentProvider>
  );
}

