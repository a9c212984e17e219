/**
 * What other views show through incidentSlots: the "Declare incident" button (register row, entry
 * dialog, dependency map) and the entry dialog's incident section (this service's incidents).
 */
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { incidentsOfEntry } from '@domain/incidents';
import { useIncidents } from './incidentsContext';
import { durationText, londonDateTime } from './incidentViews';
import { LIST_MISSING_MESSAGE } from './incidentApi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** "Declare incident" for one service; remembers the button so focus returns to it when the dialog closes. */
export function DeclareIncidentButton(props: { entryId: string; label?: string; plain?: boolean }) {
  const { openDeclare, entries } = useIncidents();
  const title = entries.find((stored) => stored.id === props.entryId)?.entry.title ?? '';
  const label = props.label ?? 'Declare incident';
  return (
    <Button
      size="small"
      // In a list of services the name says which one; inside the entry (plain) the dialog already does.
      aria-label={title && !props.plain ? `${label}: ${title}` : undefined}
      onClick={(event) => openDeclare(props.entryId, event.currentTarget)}
    >
      {label}
    </Button>
  );
}

/** The entry dialog's incidents: each one (open first) with start, duration and a link to open it. */
export function EntryIncidentSection(props: { entryId: string }) {
  const styles = useStyles();
  const { incidents, openIncident, listState } = useIncidents();
  const mine = incidentsOfEntry(incidents.map((stored) => stored.incident), props.entryId);
  return (
    <section aria-labelledby={`incidents-${props.entryId}`} className={styles.section}>
      <Text as="h3" id={`incidents-${props.entryId}`} weight="semibold">
        Incidents
      </Text>
      {listState === 'missing' ? <Text>The incidents list is not set up yet. {LIST_MISSING_MESSAGE}.</Text> : null}
      {mine.length === 0 && listState === 'ready' ? <Text>No incidents recorded for this service.</Text> : null}
      {mine.length > 0 ? (
        <ul className={styles.list}>
          {mine.map((incident) => (
            <li key={incident.key}>
              <Link as="button" onClick={() => openIncident(incident.key)}>
                {incident.state === 'open' ? 'Open' : 'Restored'}: started {londonDateTime(incident.startedAt)}
              </Link>{' '}
              <Text>
                ({durationText(incident)}{incident.supplierReference ? `, supplier reference ${incident.supplierReference}` : ''})
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <DeclareIncidentButton entryId={props.entryId} plain />
      </div>
    </section>
  );
}
