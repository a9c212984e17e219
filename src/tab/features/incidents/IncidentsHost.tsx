/**
 * Where incident mode joins the tab (app/App.tsx wraps the views in it). Kept tiny on purpose: the
 * engine (data, queue, banner, dialogs) is its own chunk, loaded right after the first paint, so the
 * register's first download does not grow. Until it arrives the views show no incident markers.
 */
import { Suspense, lazy, useCallback, useMemo, useState, type ReactNode } from 'react';
import { IncidentSlotsProvider, NO_INCIDENTS, type IncidentSlots } from '../../components/incidentSlots';
import type { TabConfig } from '../../buildSettings';
import { serviceTokenGetter } from '../../auth/serviceToken';
import type { TokenSource } from '@graph';
import { IncidentsContext, type IncidentsContextValue } from './incidentsContext';

const IncidentsEngine = lazy(() => import('./IncidentsEngine').then((module) => ({ default: module.IncidentsEngine })));

/** Without a service in the build, the queue uses the person's own channel post only. */
const NO_SERVICE_TOKEN = () => Promise.reject(new Error('No service configured.'));

export function IncidentsHost(props: { config: TabConfig; tokenSource: TokenSource; children: ReactNode }) {
  // HB's service (TabConfig.serviceUrl) with the person's token for the app's own API, when the build names one.
  const getter = useMemo(() => serviceTokenGetter(props.tokenSource, props.config), [props.tokenSource, props.config]);
  const serviceUrl = getter ? props.config.serviceUrl : null;
  const getServiceToken = getter ?? NO_SERVICE_TOKEN;
  const [slots, setSlots] = useState<IncidentSlots>(NO_INCIDENTS);
  const [context, setContext] = useState<IncidentsContextValue | null>(null);
  const ready = useCallback((nextSlots: IncidentSlots, nextContext: IncidentsContextValue) => {
    setSlots(nextSlots);
    setContext(nextContext);
  }, []);
  return (
    <IncidentSlotsProvider value={slots}>
      <IncidentsContext.Provider value={context}>
        <Suspense fallback={null}>
          <IncidentsEngine serviceUrl={serviceUrl} getServiceToken={getServiceToken} onReady={ready} />
        </Suspense>
        {props.children}
      </IncidentsContext.Provider>
    </IncidentSlotsProvider>
  );
}
