/**
 * The digest card as plain, accessible HTML: the same heading, stages, lines, owners and "and N
 * more" as the card `buildDigestCard` made, read from its `shown` reminders and mentions (not from
 * the card's Markdown, whose escapes would show). Every piece of user text is a React text node, so
 * it is escaped; links go only to the entry inside this tab.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalDate } from '@domain';
import { formatLocalDate } from '@domain';
import {
  DIGEST_TITLE,
  KIND_LABELS,
  STAGE_HEADINGS,
  whenText,
  type Digest,
  localEntryPath,
  REMINDER_STAGES,
  type Reminder,
} from '@domain/reminders';

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    maxWidth: '720px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  subtle: { color: tokens.colorNeutralForeground3 },
  stage: { marginBottom: 0, marginTop: tokens.spacingVerticalL, fontSize: tokens.fontSizeBase400 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  line: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBlock: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  mention: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

function OwnerLine(props: { reminder: Reminder; labels: ReadonlyMap<string, string> }) {
  const styles = useStyles();
  const { reminder } = props;
  if (reminder.ownerIssue === 'no-owner') return <>No owner: managers please assign</>;
  if (reminder.ownerIssue === 'owner-left' || reminder.owner === null) return <>Owner has left: managers please reassign</>;
  const mention = <span className={styles.mention}>@{props.labels.get(reminder.owner.entraId) ?? reminder.owner.displayName}</span>;
  return reminder.stage === 'escalated' ? <>Owner: {mention}. Escalated to managers</> : <>Owner: {mention}</>;
}

export function DigestPreview(props: {
  digest: Digest;
  all: readonly Reminder[];
  practiceName: string;
  runDate: LocalDate;
  changesToReview?: readonly string[];
  overdueChecklists?: readonly string[];
}) {
  const styles = useStyles();
  const { digest } = props;
  const labels = new Map(digest.graphMentions.map((m) => [m.mentioned.user.id, m.mentionText]));
  const total = props.all.length;
  return (
    <section className={styles.card} aria-label="Digest preview">
      <h3 className={styles.heading}>{DIGEST_TITLE}</h3>
      <Text className={styles.subtle}>
        {props.practiceName}, {formatLocalDate(props.runDate)}
      </Text>
      {total === 0 ? <p>Nothing is due. Every review is up to date.</p> : null}
      {REMINDER_STAGES.map((stage) => {
        const lines = digest.shown.filter((reminder) => reminder.stage === stage);
        if (lines.length === 0) return null;
        const headingId = `digest-stage-${stage}`;
        return (
          <div key={stage}>
            <h4 className={styles.stage} id={headingId}>
              {STAGE_HEADINGS[stage]} ({props.all.filter((reminder) => reminder.stage === stage).length})
            </h4>
            <ul className={styles.list} aria-labelledby={headingId}>
              {lines.map((reminder) => {
                const title = reminder.entryTitle.trim() === '' ? 'Untitled service' : reminder.entryTitle;
                return (
                  <li key={reminder.occurrenceKey} className={styles.line}>
                    <span className={styles.title}>{title}</span>
                    <span>
                      {KIND_LABELS[reminder.kind]}: {whenText(reminder)}
                    </span>
                    <br />
                    <span className={styles.subtle}>
                      <OwnerLine reminder={reminder} labels={labels} />
                    </span>
                    <br />
                    <Link href={localEntryPath(reminder.entryId)}>Open {title}</Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {digest.omitted > 0 ? <p>and {digest.omitted} more in the register</p> : null}
      {props.changesToReview && props.changesToReview.length > 0 ? (
        <div>
          <h4 className={styles.stage} id="digest-changes">
            Changes for a manager to review ({props.changesToReview.length})
          </h4>
          <ul className={styles.list} aria-labelledby="digest-changes">
            {props.changesToReview.slice(0, 10).map((line, index) => (
              <li key={index} className={styles.line}>
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.overdueChecklists && props.overdueChecklists.length > 0 ? (
        <div>
          <h4 className={styles.stage} id="digest-checklists">
            Access checklists past their date ({props.overdueChecklists.length})
          </h4>
          <ul className={styles.list} aria-labelledby="digest-checklists">
            {props.overdueChecklists.slice(0, 10).map((line, index) => (
              <li key={index} className={styles.line}>
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
