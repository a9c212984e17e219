/**
 * Incident mode for the whole tab, loaded as its own chunk after the first paint (IncidentsHost):
 * loads the practice's incidents, keeps the card queue, shows the banner at the top of every view and
 * the declare / incident dialogs, and hands the other views what they need through incidentSlots.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoredEntry } from '@domain';
import { useGraphClient } from '../../state/ApiContext';
import { useRegisterData } from '../../state/registerData';
import type { IncidentSlots, OpenIncidentInfo } from '../../components/incidentSlots';
import { INCIDENTS_LIST, continuityLastTestedAfterReview } from '@domain/incidents';
import { usePracticeList } from '../../state/practiceLists';
import { useDeepLinkIds } from '../../teams/hostContext';
import { openIncidentsApi } from './incidentApi';
import { declared, newUpdateKey, restored, restoredKey, reviewed, withUpdate } from './incidentChanges';
import { IncidentsContext, type IncidentsContextValue } from './incidentsContext';
import { affectedThroughDependencies } from './incidentViews';
import { IncidentBanner } from './IncidentBanner';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { IncidentDialog } from './IncidentDialog';
import { DeclareIncidentButton, EntryIncidentSection } from './EntryIncidentSection';
import { createNotifyIncident, graphRoute, serviceRoute } from './notify';
import { NotifyQueue, type NotifyRoute, type PendingItem } from './notifyQueue';
import { useIncidentData } from './useIncidentData';

export interface IncidentsEngineProps {
  /** The app's service (HB), or null: cards then go through the person's own channel post. */
  readonly serviceUrl: string | null;
  readonly getServiceToken: () => Promise<string>;
  /** Hands the slots (for other views) and this feature's context (for the slot components) to the host. */
  readonly onReady: (slots: IncidentSlots, context: IncidentsContextValue) => void;
}

type Declaring = { readonly entryId: string; readonly open: boolean; readonly opening: number; readonly returnFocus: HTMLElement | null };

export function IncidentsEngine(props: IncidentsEngineProps) {
  const { serviceUrl, getServiceToken, onReady } = props;
  const client = useGraphClient();
  const { workspace, store, state, today, upsert: upsertEntry } = useRegisterData();
  const entries: readonly StoredEntry[] = useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored) : []), [state]);
  const latestEntries = useRef(entries);
  latestEntries.current = entries;
  const deepLinkIds = useDeepLinkIds();
  // The incidents list's id from HL's one check of the site's lists; 'missing' on an older site.
  const list = usePracticeList(INCIDENTS_LIST.name);
  const listId = list.status === 'ready' ? list.id : null;
  const api = useMemo(
    () => (listId ? openIncidentsApi({ client, teamId: workspace.team.id, siteId: workspace.location.siteId, listId, entries: () => latestEntries.current, deepLinkIds }) : null),
    [client, workspace, listId, deepLinkIds],
  );
  const { data, reload, create, mutate } = useIncidentData(api, list.status === 'missing');
  const me = useMemo(() => ({ displayName: workspace.me.displayName, entraId: workspace.me.id }), [workspace.me]);
  const incidents = useMemo(() => (data.kind === 'ready' ? data.incidents : []), [data]);

  // One queue per team and person, kept in localStorage so a card survives a reload.
  const queue = useMemo(() => {
    const routes = [
      serviceRoute({ serviceUrl, teamId: workspace.team.id, siteId: workspace.location.siteId, getToken: getServiceToken }),
      api ? graphRoute((job) => api.postCard(job)) : null,
    ].filter((route): route is NotifyRoute => route !== null);
    return new NotifyQueue({ storage: window.localStorage, storageKey: `dsr.incidentCards.${workspace.team.id}.${workspace.me.id}`, routes });
  }, [serviceUrl, getServiceToken, api, workspace]);
  const [pending, setPending] = useState<readonly PendingItem[]>(() => queue.list());
  useEffect(() => {
    setPending(queue.list());
    let posted = queue.list().filter((item) => item.state === 'posted').length;
    const stop = queue.subscribe(() => {
      const list = queue.list();
      setPending(list);
      // A posted card recorded its thread in the incident: read it again for the links.
      const now = list.filter((item) => item.state === 'posted').length;
      if (now !== posted) reload();
      posted = now;
    });
    void queue.pump();
    return () => {
      stop();
      queue.stop();
    };
  }, [queue, reload]);
  const notifyIncident = useMemo(() => createNotifyIncident(queue, () => latestIncidents.current), [queue]);
  const latestIncidents = useRef(incidents);
  latestIncidents.current = incidents;

  const [declaring, setDeclaring] = useState<Declaring | null>(null);
  const [openKey, setOpenKey] = useState<{ key: string; open: boolean } | null>(null);
  const openDeclare = useCallback((entryId: string, returnFocus: HTMLElement | null = null) => {
    setDeclaring((current) => ({ entryId, open: true, opening: (current?.opening ?? 0) + 1, returnFocus }));
  }, []);
  const openIncident = useCallback((key: string) => setOpenKey({ key, open: true }), []);

  const value: IncidentsContextValue = useMemo(() => ({
    incidents,
    listState: data.kind,
    entries,
    today,
    me,
    pending,
    async declare(input, key) {
      const stored = await create(declared(key, input));
      void notifyIncident(stored.incident.key, null);
      return stored;
    },
    async addUpdate(key, kind, text) {
      // The key is made once, before the first attempt: a change re-applied after a conflict is recognised.
      const updateKey = newUpdateKey(key);
      await mutate(key, (incident) => withUpdate(incident, { key: updateKey, kind, text, by: me.displayName }));
      void notifyIncident(key, updateKey, kind);
    },
    async restore(key, input) {
      await mutate(key, (incident) => restored(incident, { by: me.displayName, ...input }));
      void notifyIncident(key, restoredKey(key), 'restored');
    },
    async review(key, review) {
      const saved = await mutate(key, (incident) => reviewed(incident, review));
      const entry = entries.find((stored) => stored.id === saved.incident.entryId);
      const tested = entry ? continuityLastTestedAfterReview(entry.entry.continuityLastTested, saved.incident) : null;
      if (entry && tested) upsertEntry(await store.update(entry.id, entry.eTag, { ...entry.entry, continuityLastTested: tested }));
    },
    confirmChecked: (id) => void queue.confirmChecked(id),
    openDeclare,
    openIncident,
  }), [incidents, data.kind, entries, today, me, pending, create, mutate, notifyIncident, queue, store, upsertEntry, openDeclare, openIncident]);

  const open = useMemo(() => incidents.filter((stored) => stored.incident.state === 'open').map((stored) => stored.incident), [incidents]);
  useEffect(() => {
    const openByEntry = new Map<string, OpenIncidentInfo>(
      open.map((incident) => [incident.entryId, { key: incident.key, serviceTitle: incident.serviceTitle, impact: incident.impact, startedAt: incident.startedAt }]),
    );
    onReady({
      openByEntry,
      affectedBy: affectedThroughDependencies(entries, open),
      incidents: incidents.map((stored) => stored.incident),
      DeclareIncidentButton,
      EntryIncidentSection,
      openIncident,
      listState: data.kind,
    }, value);
  }, [open, entries, incidents, data.kind, onReady, openIncident, value]);

  return (
    <IncidentsContext.Provider value={value}>
      <IncidentBanner />
      {declaring ? (
        <DeclareIncidentDialog
          key={declaring.opening}
          entryId={declaring.entryId}
          open={declaring.open}
          onClose={() => {
            setDeclaring((current) => current && { ...current, open: false });
            declaring.returnFocus?.focus();
          }}
        />
      ) : null}
      {openKey ? <IncidentDialog incidentKey={openKey.key} open={openKey.open} onClose={() => setOpenKey((current) => current && { ...current, open: false })} /> : null}
    </IncidentsContext.Provider>
  );
}
