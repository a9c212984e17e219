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
import { describeError } from '../api/describeError';

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
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {message}
        {detail ? <span className={styles.detail}>Details: {detail}</span> : null}
      </MessageBarBody>
      {props.onRetry ? (
        <MessageBarActions>
          <Button onClick={props.onRetry}>Retry</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
