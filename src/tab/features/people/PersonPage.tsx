/** A person's page: their checklists, the services they own or deputise for, and the admin rights they hold. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { adminRightsHeldBy, adminRightsView, checklistsOf, servicesOf, type StoredChecklist } from '@domain/access';
import { formatLocalDate, type LocalDate, type PersonRef, type StoredEntry } from '@domain';
import { AccessLog } from './AccessLog';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function PersonPage(props: {
  person: PersonRef;
  register: readonly StoredEntry[];
  checklists: readonly StoredChecklist[];
  today: LocalDate;
  onBack: () => void;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const { person, today } = props;
  const theirs = new Set(checklistsOf(props.checklists.map((stored) => stored.checklist), person).map((checklist) => checklist.key));
  const services = servicesOf(props.register, person);
  const rights = adminRightsHeldBy(adminRightsView(props.register, today), person);
  const name = person.displayName || person.upn;
  return (
    <section className={styles.page} aria-labelledby="person-heading">
      <div>
        <Button onClick={props.onBack}>Back to People and access</Button>
      </div>
      <Text as="h3" id="person-heading" tabIndex={-1} size={500} weight="semibold">
        {name}
      </Text>
      <Text className={styles.muted}>{person.upn}</Text>
      <Text as="h4" weight="semibold">Checklists</Text>
      <AccessLog label={`${name}’s checklists`} checklists={props.checklists.filter((stored) => theirs.has(stored.checklist.key))} today={today}
        onOpen={props.onOpen} onPerson={() => undefined} />
      <Text as="h4" weight="semibold">Services they own</Text>
      {services.owns.length === 0 ? <Text className={styles.muted}>None.</Text> : (
        <ul className={styles.list} aria-label={`Services ${name} owns`}>
          {services.owns.map((service) => <li key={service.id}>{service.title}</li>)}
        </ul>
      )}
      <Text as="h4" weight="semibold">Services they deputise for</Text>
      {services.deputises.length === 0 ? <Text className={styles.muted}>None.</Text> : (
        <ul className={styles.list} aria-label={`Services ${name} deputises for`}>
          {services.deputises.map((service) => <li key={service.id}>{service.title}</li>)}
        </ul>
      )}
      <Text as="h4" weight="semibold">Admin rights they hold</Text>
      {rights.length === 0 ? <Text className={styles.muted}>None recorded.</Text> : (
        <ul className={styles.list} aria-label={`Admin rights ${name} holds`}>
          {rights.map((row) => (
            <li key={`${row.entryId}-${row.index}`}>
              {row.serviceTitle}: agreement {row.holder.agreementOnFile ? 'on file' : 'not on file'},{' '}
              {row.holder.reviewedOn ? `reviewed ${formatLocalDate(row.holder.reviewedOn)}` : 'never reviewed'}
              {row.needsReview ? ' (review needed)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
