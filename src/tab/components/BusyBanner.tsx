/**
 * "SharePoint is busy. Trying again in 20 seconds…": shown whenever the Graph client is waiting out a
 * 429/503 `Retry-After`, wherever the request came from (loading the register, a save, a search), so a
 * throttled tenant never looks like a frozen screen. Announced politely; gone when the wait is over.
 */
import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRetryWaits } from '../state/ApiContext';
import { retryWaitText } from '../state/retryWaits';

const useStyles = makeStyles({ banner: { marginInline: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalS } });

export function BusyBanner() {
  const styles = useStyles();
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useRetryWaits((wait) => {
    const end = Date.now() + wait.waitMs;
    setNow(Date.now());
    setUntil((current) => Math.max(current ?? 0, end));
  });
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= until) setUntil(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  return (
    <div aria-live="polite" role="status">
      {until !== null && now < until ? (
        <MessageBar intent="warning" className={styles.banner}>
          <MessageBarBody>{retryWaitText(until - now)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
