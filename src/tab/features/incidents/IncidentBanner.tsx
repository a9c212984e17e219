/**
 * While an incident is open, the top of every view says so: the service, since when, and one click
 * to the incident, the service's downtime card (printable on A4) and "Post update".
 */
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CardStatus } from './CardStatus';
import { useIncidents } from './incidentsContext';
import { durationText, londonDateTime } from './incidentViews';
import { downtimeCardHref, goTo } from './safeLinks';

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginInline: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalS },
});

export function IncidentBanner() {
  const styles = useStyles();
  const { incidents, openIncident } = useIncidents();
  const open = incidents.filter((stored) => stored.incident.state === 'open').sort((a, b) => a.incident.startedAt.localeCompare(b.incident.startedAt));
  if (open.length === 0) return null;
  return (
    <section aria-label="Open incidents" className={styles.region}>
      {open.map(({ incident }) => {
        const href = downtimeCardHref(incident.entryId);
        return (
          <MessageBar key={incident.key} intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                Incident: {incident.serviceTitle} is {incident.impact === 'down' ? 'down' : 'degraded'}
              </MessageBarTitle>
              Since {londonDateTime(incident.startedAt)} ({durationText(incident)}), declared by {incident.declaredBy.displayName}.
              <CardStatus incidentKey={incident.key} />
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => openIncident(incident.key)}>
                Open incident
              </Button>
              <Link
                href={href}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(href);
                }}
              >
                Downtime card
              </Link>
              <Button size="small" aria-label={`Post update on ${incident.serviceTitle}`} onClick={() => openIncident(incident.key)}>
                Post update
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </section>
  );
}
