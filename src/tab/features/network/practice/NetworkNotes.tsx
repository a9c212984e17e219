/**
 * "Notes from your network": what the PCN's or ICB's readers wrote about the practice's entries,
 * read from the NETWORK's comments list (they cannot write to the practice's site), grouped by the
 * entry's title, each with its author and date. Plain text, escaped by React. A network that cannot
 * be read is said so, never shown as "no notes".
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatLocalDate, londonDateOf } from '@domain';
import type { NetworkComment, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { commentsForMyPractice } from '@graph/network';
import { FailureMessage } from '../../../components/StatusViews';
import { describeError } from '../../../state/describeError';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  byline: { color: tokens.colorNeutralForeground2 },
});

type Notes =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly comments: readonly NetworkComment[] };

function dateOf(writtenAt: string): string {
  const instant = new Date(writtenAt);
  return Number.isNaN(instant.getTime()) ? writtenAt : formatLocalDate(londonDateOf(instant));
}

function byEntry(comments: readonly NetworkComment[]): Array<[string, NetworkComment[]]> {
  const groups = new Map<string, NetworkComment[]>();
  for (const comment of [...comments].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt))) {
    const title = comment.entryTitle.trim() || 'An entry with no name';
    groups.set(title, [...(groups.get(title) ?? []), comment]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
}

function NotesFrom(props: { client: GraphClient; membership: NetworkMembership; practiceSiteId: string; entryItemId?: string }) {
  const { client, membership, practiceSiteId, entryItemId } = props;
  const styles = useStyles();
  const [notes, setNotes] = useState<Notes>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setNotes({ kind: 'loading' });
    commentsForMyPractice(client, membership.networkSiteId, practiceSiteId).then(
      (comments) => live && setNotes({ kind: 'ready', comments: entryItemId === undefined ? comments : comments.filter((comment) => comment.entryItemId === entryItemId) }),
      (error: unknown) => live && setNotes({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, membership.networkSiteId, practiceSiteId, entryItemId, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const from = membership.networkName;

  if (notes.kind === 'loading') return <Spinner size="tiny" labelPosition="after" label={`Reading the notes from ${from}…`} />;
  if (notes.kind === 'failed') {
    return (
      <FailureMessage
        title={`The notes from ${from} could not be read`}
        message={`${describeError(notes.error).message} Your practice's team needs to be a visitor of ${from}'s site to read them.`}
        onRetry={retry}
      />
    );
  }
  if (notes.comments.length === 0) return <Text>{entryItemId === undefined ? `No notes from ${from}.` : `No notes from ${from} about this service.`}</Text>;
  return (
    <ul className={styles.list} aria-label={`Notes from ${from}`}>
      {byEntry(notes.comments).map(([title, comments]) => (
        <li key={title}>
          <Text weight="semibold">{title}</Text>
          <ul className={styles.list}>
            {comments.map((comment) => (
              <li key={comment.key}>
                <Text as="p" className={styles.note}>{comment.text}</Text>
                <Text className={styles.byline}>{`${comment.authorName || 'Someone'}, ${from}, ${dateOf(comment.writtenAt)}`}</Text>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/**
 * @param entryItemId only the notes about this entry (the entry dialog's section); absent: every note,
 *   grouped by entry (the practice's PCN and ICB view).
 */
export function NetworkNotes(props: { client: GraphClient; memberships: readonly NetworkMembership[]; practiceSiteId: string; entryItemId?: string }) {
  const styles = useStyles();
  const id = useId();
  // The same network may be both PCN and ICB review in a small area: read its notes once.
  const networks = props.memberships.filter((membership, index, all) => all.findIndex((other) => other.networkSiteId === membership.networkSiteId) === index);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Text as="h3" id={`${id}-title`} size={400} weight="semibold">Notes from your network</Text>
      {networks.length === 0 ? <Text>No notes: your practice has not opted in to a network.</Text> : null}
      {networks.map((membership) => (
        <NotesFrom key={membership.networkSiteId} client={props.client} membership={membership} practiceSiteId={props.practiceSiteId} entryItemId={props.entryItemId} />
      ))}
    </section>
  );
}
