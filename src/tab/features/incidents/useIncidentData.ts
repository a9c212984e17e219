/**
 * The practice's incidents, loaded once the incidents list is known (HL's practice-lists check), with
 * the writes the views make. Conflicts are the store's business: it re-applies the same idempotent
 * change to the newer version (src/graph/incidents/store.ts), so two people adding updates at the
 * same time both keep theirs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Incident, StoredIncident } from '@domain/incidents';
import type { IncidentsApi } from './incidentApi';

export type IncidentData =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly incidents: readonly StoredIncident[] };

/** @param api null while the list is being looked for; `missing` when the site has no incidents list. */
export function useIncidentData(api: IncidentsApi | null, missing: boolean) {
  const [data, setData] = useState<IncidentData>({ kind: 'loading' });
  const latest = useRef<readonly StoredIncident[]>([]);

  const reload = useCallback(() => {
    if (!api) return;
    api.list().then(
      (incidents) => {
        latest.current = incidents;
        setData({ kind: 'ready', incidents });
      },
      (error: unknown) => setData({ kind: 'failed', error }),
    );
  }, [api]);
  useEffect(() => {
    if (missing) setData({ kind: 'missing' });
    else reload();
  }, [reload, missing]);

  const upsert = useCallback((stored: StoredIncident) => {
    const next = [...latest.current.filter((item) => item.incident.key !== stored.incident.key), stored];
    latest.current = next;
    setData({ kind: 'ready', incidents: next });
  }, []);

  const create = useCallback(
    async (incident: Incident): Promise<StoredIncident> => {
      if (!api) throw new Error('The incidents list is not available yet.');
      const stored = await api.create(incident);
      upsert(stored);
      return stored;
    },
    [api, upsert],
  );

  /** Applies `change` to the stored incident `key` and saves it (If-Match; the store re-applies after a conflict). */
  const mutate = useCallback(
    async (key: string, change: (incident: Incident) => Incident): Promise<StoredIncident> => {
      const current = latest.current.find((item) => item.incident.key === key);
      if (!api || !current) throw new Error('This incident is no longer in the incidents list.');
      const saved = await api.change(current, change);
      upsert(saved);
      return saved;
    },
    [api, upsert],
  );

  return { data, reload, create, mutate };
}
