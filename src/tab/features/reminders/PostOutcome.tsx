/**
 * What happened to "Post now", in plain words. The "may or may not have arrived" case says to look
 * in the channel first and links to it; nothing is retried for the manager.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { TeamChannel } from '@graph/teams';
import { describeError } from '../../state/describeError';
import type { PostState } from './usePostDigest';

/** Only https links from Graph are offered (a channel's webUrl opens it in Teams). */
function httpsOrNull(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function PostOutcome(props: { state: PostState; channel: TeamChannel | null }) {
  const { state, channel } = props;
  const channelLink = channel ? httpsOrNull(channel.webUrl) : null;
  if (state.kind === 'idle') return null;
  if (state.kind === 'posting') {
    return <Spinner size="tiny" labelPosition="after" label={`Posting the digest to ${state.channelName}…`} />;
  }
  if (state.kind === 'posted') {
    const messageLink = httpsOrNull(state.message.webUrl);
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Posted to {state.channelName}</MessageBarTitle>
          The digest is in the channel with everyone @mentioned.{' '}
          {messageLink ? (
            <Link href={messageLink} target="_blank" rel="noopener noreferrer">
              Open the post in Teams
            </Link>
          ) : null}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.kind === 'unknown') {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Not sure the post went through</MessageBarTitle>
          The post may or may not have arrived: check the channel before posting again.{' '}
          {channelLink ? (
            <Link href={channelLink} target="_blank" rel="noopener noreferrer">
              Open {state.channelName} in Teams
            </Link>
          ) : (
            <>Open the {state.channelName} channel in Teams and look for the digest.</>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { message, detail } = describeError(state.error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Nothing was posted</MessageBarTitle>
        {message}
        {detail ? <> Details: {detail}</> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
