/**
 * Incident mode as seen from other views (the register row, the entry dialog, My services, the
 * Overview, the exports, the dependency map). Features never import each other, so the incidents
 * feature fills this context once in app/ and any view reads it; outside the provider (tests, a
 * practice whose incidents list is missing) it is empty and the views look as before.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Incident } from '@domain/incidents';

export interface OpenIncidentInfo {
  readonly key: string;
  readonly serviceTitle: string;
  readonly impact: Incident['impact'];
  readonly startedAt: string;
}

export interface IncidentSlots {
  /** Services with an open incident of their own, by entry id. */
  readonly openByEntry: ReadonlyMap<string, OpenIncidentInfo>;
  /** Services affected through their dependencies: entry id -> the names of the failing services they depend on. */
  readonly affectedBy: ReadonlyMap<string, readonly string[]>;
  /** Every incident loaded (open and restored), for evidence (Overview, exports). */
  readonly incidents: readonly Incident[];
  /** "Declare incident" for one service, or null when incidents are not available. */
  readonly DeclareIncidentButton: ComponentType<{ entryId: string; label?: string }> | null;
  /** The entry dialog's incident section. */
  readonly EntryIncidentSection: ComponentType<{ entryId: string }> | null;
  /** Opens one incident (by key) in its dialog; null when incidents are not available. */
  readonly openIncident: ((key: string) => void) | null;
  /** 'missing': the practice's site has no incidents list yet (Setup brings it up to date). */
  readonly listState: 'off' | 'loading' | 'ready' | 'missing' | 'failed';
}

export const NO_INCIDENTS: IncidentSlots = {
  openByEntry: new Map(),
  affectedBy: new Map(),
  incidents: [],
  DeclareIncidentButton: null,
  EntryIncidentSection: null,
  openIncident: null,
  listState: 'off',
};

const IncidentSlotsContext = createContext<IncidentSlots>(NO_INCIDENTS);

export function IncidentSlotsProvider(props: { value: IncidentSlots; children: ReactNode }) {
  return <IncidentSlotsContext.Provider value={props.value}>{props.children}</IncidentSlotsContext.Provider>;
}

export function useIncidentSlots(): IncidentSlots {
  return useContext(IncidentSlotsContext);
}

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  // A long "depends on" list wraps inside the badge instead of spilling over the row below.
  wraps: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start', paddingBlock: '1px' },
});

/** "Incident: down" on the failing service's row; "Affected: depends on X" on the services that depend on it. */
export function IncidentRowBadge(props: { entryId: string }) {
  const styles = useStyles();
  const { openByEntry, affectedBy } = useIncidentSlots();
  const own = openByEntry.get(props.entryId);
  const through = affectedBy.get(props.entryId) ?? [];
  if (!own && through.length === 0) return null;
  return (
    <span className={styles.line}>
      {own ? (
        <Badge appearance="filled" color="danger" shape="rounded">
          {own.impact === 'down' ? 'Incident: down' : 'Incident: degraded'}
        </Badge>
      ) : null}
      {through.length > 0 ? (
        <Badge appearance="tint" color="warning" shape="rounded" className={styles.wraps}>
          Affected: depends on {through.join(', ')}
        </Badge>
      ) : null}
    </span>
  );
}
