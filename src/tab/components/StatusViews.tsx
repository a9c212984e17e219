/** Loading and error states shared by every feature, so they look and read the same everywhere. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeError } from '../state/describeError';

const useStyles = makeStyles({
  centre: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
  detail: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function LoadingState(props: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.centre}>
      <Spinner label={props.label} labelPosition="below" />
    </div>
  );
}

export function ErrorState(props: { title: string; error: unknown; onRetry?: () => void }) {
  const styles = useStyles();
  const { message, detail } = describeError(props.error);
  return (
    <FailureMessage title={props.title} message={message} onRetry={props.onRetry}>
      {detail ? <span className={styles.detail}>Details: {detail}</span> : null}
    </FailureMessage>
  );
}

/** A failure said in plain words, with Retry when there is something to retry (disabled while busy). */
export function FailureMessage(props: {
  title: string;
  message: ReactNode;
  onRetry?: (() => void) | undefined;
  retryDisabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
        {props.children}
      </MessageBarBody>
      {props.onRetry ? (
        <MessageBarActions>
          <Button onClick={props.onRetry} disabled={props.retryDisabled}>
            Retry
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
