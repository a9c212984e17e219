/**
 * My services: the entries the signed-in person owns or deputises for, most urgent first, each with
 * what is due and what to do about its flags. A name opens the entry in the register.
 */
import { useMemo } from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DUE_KIND_LABELS, RISK_FLAGS, dueItemsOf, effectiveNextReviewDue, formatLocalDate, type LocalDate, type RegisterEntry } from '@domain';
import { useRegisterData } from '../../state/registerData';
import { useOpenRegisterWith } from '../../state/registerFilters';
import { ReviewStatusBadge, RiskFlagBadges } from '../../components/badges';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { IncidentRowBadge, useIncidentSlots } from '../../components/incidentSlots';
import { incidentsFirst, myServices, roleOf } from './urgency';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  empty: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * What is due, in words, from the same due dates as the status badge (domain/due.ts): the most urgent
 * overdue or due-soon item when there is one ("DPIA review was due 20 October 2025"), else the next review.
 */
function dueLine(entry: RegisterEntry, today: LocalDate): string {
  const items = dueItemsOf(entry, today);
  const urgent = items.filter((item) => item.state !== 'up-to-date').sort((a, b) => a.daysUntilDue - b.daysUntilDue)[0];
  if (urgent) {
    const label = DUE_KIND_LABELS[urgent.kind] === 'Annual review' ? 'Review' : DUE_KIND_LABELS[urgent.kind];
    return urgent.state === 'overdue' ? `${label} was due ${formatLocalDate(urgent.dueDate)}` : `${label} due ${formatLocalDate(urgent.dueDate)}`;
  }
  const next = effectiveNextReviewDue(entry);
  return next ? `Next review ${formatLocalDate(next)}` : 'No review date set';
}

export function MyServicesPage() {
  const styles = useStyles();
  const { workspace, state, reload, today } = useRegisterData();
  const openRegister = useOpenRegisterWith();
  const me = workspace.me.id;
  const { openByEntry, affectedBy, openIncident } = useIncidentSlots();
  // Services of theirs with an open incident (their own, or through a dependency) come first.
  const mine = useMemo(() => incidentsFirst(state.kind === 'ready' ? myServices(state.rows, me) : [], openByEntry, affectedBy), [state, me, openByEntry, affectedBy]);
  const failing = mine.filter((row) => openByEntry.has(row.stored.id));

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        My services
      </Text>
      {state.kind === 'loading' ? <LoadingState label="Loading the register…" /> : null}
      {state.kind === 'failed' ? <ErrorState title="Could not load the register" error={state.error} onRetry={reload} /> : null}
      {state.kind === 'ready' && mine.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">You are not the owner or deputy of any service</Text>
          <Text>
            Services appear here when the register names you as their local owner or deputy. If you look after a service,
            ask the practice manager to name you in its entry, or open it in the Register view and choose yourself.
          </Text>
        </div>
      ) : null}
      {mine.length > 0 ? (
        <>
          <Text>
            {mine.length === 1 ? '1 service' : `${mine.length} services`} you own or deputise for, most urgent first.
          </Text>
          {failing.length > 0 ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>An incident is open on {failing.length === 1 ? 'a service' : 'services'} you look after</MessageBarTitle>
                {failing.map((row) => {
                  const incident = openByEntry.get(row.stored.id);
                  return incident ? (
                    <span key={row.stored.id} className={styles.line}>
                      {incident.serviceTitle} is {incident.impact === 'down' ? 'down' : 'degraded'}.
                      {openIncident ? <Link as="button" onClick={() => openIncident(incident.key)}>Open the incident for {incident.serviceTitle}</Link> : null}
                    </span>
                  ) : null;
                })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <ul className={styles.list} aria-label="My services">
            {mine.map((row) => {
              const { entry } = row.stored;
              const due = dueLine(entry, today);
              const role = roleOf(row, me) === 'owner' ? 'Owner' : 'Deputy';
              return (
                <li key={row.stored.id} className={styles.card}>
                  <div className={styles.line}>
                    <Link as="button" className={styles.name} onClick={() => openRegister({}, row.stored.id)}>
                      {entry.title || '(no name)'}
                    </Link>
                    <ReviewStatusBadge status={row.status} />
                  </div>
                  <IncidentRowBadge entryId={row.stored.id} />
                  <Text className={styles.muted}>
                    {role} · {due}
                  </Text>
                  <RiskFlagBadges flags={row.flags} ownerLeft={row.ownerLeft} />
                  {row.flags.length > 0 ? (
                    <ul className={styles.actions} aria-label={`What to do for ${entry.title}`}>
                      {row.flags.map((flag) => (
                        <li key={flag}>
                          <Text size={200}>{RISK_FLAGS.find((info) => info.code === flag)?.action}</Text>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </main>
  );
}
