/**
 * Where an incident's cards are: "Card pending: SharePoint/Teams is busy, retrying", then "Posted to
 * Digital services" (with the post's link), or "Not sure the card went through" with the check the
 * person makes before it is posted again. Announced politely as it changes.
 */
import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PendingItem } from './notifyQueue';
import { useIncidents } from './incidentsContext';
import { safeHttps } from './safeLinks';

const useStyles = makeStyles({ line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS } });

function Line(props: { item: PendingItem }) {
  const styles = useStyles();
  const { confirmChecked } = useIncidents();
  const { item } = props;
  const what = item.label;
  if (item.state === 'posted') {
    const link = safeHttps(item.webUrl ?? '');
    const where = item.channelName ? `#${item.channelName}` : 'the practice channel';
    return (
      <Text className={styles.line}>
        {what}: Posted to {where}
        {link ? (
          <Link href={link} target="_blank" rel="noopener noreferrer">
            Open the post in Teams
          </Link>
        ) : null}
      </Text>
    );
  }
  if (item.state === 'check') {
    return (
      <span className={styles.line}>
        <Text weight="semibold">{what}: not sure it reached the channel. Look in the channel before posting it again.</Text>
        <Button size="small" onClick={() => confirmChecked(item.id)}>
          I have checked: it is not there, post it
        </Button>
      </span>
    );
  }
  if (item.state === 'failed') {
    return (
      <span className={styles.line}>
        <Text weight="semibold">
          {what}: not posted. {item.message}
        </Text>
        <Button size="small" onClick={() => confirmChecked(item.id)}>
          Try again
        </Button>
      </span>
    );
  }
  const text = item.state === 'sending' && item.attempts <= 1 ? 'Posting the card to the channel…' : 'Card pending: SharePoint/Teams is busy, retrying';
  return <Spinner size="extra-tiny" labelPosition="after" label={`${what}: ${text}`} />;
}

/** The card jobs of one incident, newest last. */
export function CardStatus(props: { incidentKey: string }) {
  const { pending } = useIncidents();
  const items = pending.filter((item) => item.incidentKey === props.incidentKey);
  return (
    <div aria-live="polite">
      {items.map((item) => (
        <Line key={item.id} item={item} />
      ))}
    </div>
  );
}
